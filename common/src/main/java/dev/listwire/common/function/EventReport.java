package dev.listwire.common.function;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The tally of one event in one invocation, logged as one JSON line when it finishes. It says what
 * happened to every member the scan saw: sent, skipped (and why), failed, or held by another invocation.
 */
final class EventReport {

    /** COMPLETED, CONTINUED and SPLIT let SQS delete the message; RETRY does not. */
    enum Outcome { COMPLETED, CONTINUED, SPLIT, RETRY, DEAD_LETTERED }

    static final String UNSUBSCRIBED = "unsubscribed";
    static final String FILTERED = "filtered";
    static final String INVALID_ADDRESS = "invalid-address";
    static final String ALREADY_SENT = "already-sent";
    static final String REJECTED = "rejected-by-server";

    private final String list;
    private final EventIdentity id;
    private final long startNanos = System.nanoTime();
    private final Map<String, Integer> skipped = new TreeMap<>();
    private int seen;
    private int sent;
    private int failed;
    private int heldElsewhere;
    private String error;
    private Continuation from = Continuation.WHOLE_LIST;
    private Pause pause;
    private int splitInto;

    EventReport(String list, EventIdentity id) {
        this.list = list;
        this.id = id;
    }

    void seen() {
        seen++;
    }

    void sent() {
        sent++;
    }

    void skipped(String reason) {
        skipped.merge(reason, 1, Integer::sum);
    }

    void heldElsewhere() {
        heldElsewhere++;
    }

    void failed(String error) {
        failed++;
        this.error = error;
    }

    void error(String error) {
        this.error = error;
    }

    void from(Continuation from) {
        this.from = from;
    }

    void paused(Pause pause) {
        this.pause = pause;
    }

    void split(int segments) {
        this.splitInto = segments;
    }

    int sentCount() {
        return sent;
    }

    Outcome outcome() {
        if (failed > 0 || heldElsewhere > 0 || error != null) {
            return Outcome.RETRY;
        }
        return splitInto > 0 ? Outcome.SPLIT : pause != null ? Outcome.CONTINUED : Outcome.COMPLETED;
    }

    Map<String, Object> fields(Outcome outcome, int smtpConnections) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("list", list);
        f.put("eventId", id.eventId());
        f.put("messageId", id.messageId());
        f.put("outcome", outcome.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        f.put("membersSeen", seen);
        f.put("sent", sent);
        f.put("skipped", skipped.values().stream().mapToInt(Integer::intValue).sum());
        f.put("skippedReasons", new LinkedHashMap<>(skipped));
        f.put("failed", failed);
        f.put("heldByOtherInvocation", heldElsewhere);
        f.put("smtpConnectionsOpened", smtpConnections);
        f.put("durationMs", (System.nanoTime() - startNanos) / 1_000_000);
        if (from.segments() > 1) {
            f.put("segment", from.segment() + "/" + from.segments());
        }
        f.put("resumed", from.after().isPresent());
        if (pause != null) {
            f.put("continuedBecause", pause.reason());
            f.put("continuationDelaySeconds", pause.delaySeconds());
        }
        if (splitInto > 0) {
            f.put("splitInto", splitInto);
        }
        if (error != null) {
            f.put("error", error);
        }
        return f;
    }
}
