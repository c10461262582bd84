package dev.listwire.common.function;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The tally of one event in one invocation, for the {@code event-finished} line and nothing else: what
 * happened to every member the scan saw (sent, skipped and why, failed, held by another invocation).
 * Whether SQS retries is the {@link EventResult}'s to say, never this tally's.
 */
final class EventReport {

    private final String list;
    private final EventIdentity id;
    private final long startNanos = System.nanoTime();
    private final Map<String, Integer> skipped = new TreeMap<>();
    private int seen;
    private int sent;
    private int failed;
    private int deferred;
    private int heldElsewhere;
    private Continuation from = Continuation.WHOLE_LIST;

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

    void skipped(SkipReason reason) {
        skipped.merge(reason.logName(), 1, Integer::sum);
    }

    /** The SMTP server refused a member for now: a later pass tries again. */
    void deferred() {
        deferred++;
    }

    void heldElsewhere() {
        heldElsewhere++;
    }

    void failed() {
        failed++;
    }

    /** Where this part of the event started. */
    void from(Continuation from) {
        this.from = from;
    }

    Map<String, Object> fields(EventResult result, int smtpConnections) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("list", list);
        f.put("eventId", id.eventId());
        f.put("messageId", id.messageId());
        f.put("outcome", outcome(result));
        f.put("membersSeen", seen);
        f.put("sent", sent);
        f.put("skipped", skipped.values().stream().mapToInt(Integer::intValue).sum());
        f.put("skippedReasons", new LinkedHashMap<>(skipped));
        f.put("failed", failed);
        f.put("deferred", deferred);
        f.put("heldByOtherInvocation", heldElsewhere);
        f.put("smtpConnectionsOpened", smtpConnections);
        f.put("durationMs", (System.nanoTime() - startNanos) / 1_000_000);
        if (from.segments() > 1) {
            f.put("segment", from.segment() + "/" + from.segments());
        }
        f.put("resumed", from.after().isPresent());
        if (result instanceof EventResult.Paused paused) {
            f.put("continuedBecause", paused.reason().logName());
            f.put("continuationDelaySeconds", paused.delaySeconds());
        } else if (result instanceof EventResult.Split split) {
            f.put("splitInto", split.segments());
        } else if (result instanceof EventResult.Retry retry) {
            retry.error().ifPresent(error -> f.put("error", error));
        } else if (result instanceof EventResult.DeadLettered dead) {
            f.put("error", dead.reason());
        }
        return f;
    }

    /** The log's name for a result. */
    private static String outcome(EventResult result) {
        if (result instanceof EventResult.Done) {
            return "completed";
        }
        if (result instanceof EventResult.Paused) {
            return "continued";
        }
        if (result instanceof EventResult.Split) {
            return "split";
        }
        return result instanceof EventResult.DeadLettered ? "dead-lettered" : "retry";
    }
}
