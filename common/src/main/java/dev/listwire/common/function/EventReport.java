package dev.listwire.common.function;

import dev.listwire.common.events.EventCounts;
import dev.listwire.common.events.EventProgress;
import dev.listwire.common.events.SummaryCount;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The tally of one event in one invocation, for the {@code event-finished} line and the event's summary: what
 * happened to every member the scan saw (sent, skipped and why, failed, held by another invocation).
 * Whether SQS retries is the {@link EventResult}'s to say, never this tally's.
 */
final class EventReport {

    private final String list;
    private final EventIdentity id;
    private final long startNanos = System.nanoTime();
    private final Map<SkipReason, Integer> skipped = new EnumMap<>(SkipReason.class);
    private int seen;
    private int sent;
    private int failed;
    private int deferred;
    private int heldElsewhere;
    /** The pool's size at the first send. */
    private int basePool;
    /** The widest the pool was at a send. */
    private int widestPool;

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
        skipped.merge(reason, 1, Integer::sum);
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

    /** The pool's size at a send: the first is its own size; a wider one later was taken over. */
    void poolSize(int size) {
        if (basePool == 0) {
            basePool = size;
        }
        widestPool = Math.max(widestPool, size);
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
        Map<String, Integer> reasons = new TreeMap<>();
        skipped.forEach((reason, n) -> reasons.put(reason.logName(), n));
        f.put("skippedReasons", new LinkedHashMap<>(reasons));
        f.put("failed", failed);
        f.put("deferred", deferred);
        f.put("heldByOtherInvocation", heldElsewhere);
        f.put("smtpConnectionsOpened", smtpConnections);
        if (widestPool > basePool) {
            // Connections of the event's ended parts, taken over (see ConnectionShare).
            f.put("smtpPoolWidenedTo", widestPool);
        }
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

    /**
     * This invocation's part for the event's summary (see {@code EventSummaries}). A member already sent (or
     * refused) by an earlier part is not counted again; the members a retried message skipped are not counted
     * now, since its next delivery goes over them again. What was sent, refused or deferred happened, and counts.
     */
    EventProgress progress(EventResult result) {
        boolean retried = result instanceof EventResult.Retry;
        long screenedOut = skipped.entrySet().stream()
                .filter(e -> screenedOut(e.getKey()))
                .mapToLong(Map.Entry::getValue)
                .sum();
        EventCounts counts = EventCounts.NONE
                .with(SummaryCount.SENT, sent)
                .with(SummaryCount.SKIPPED, retried ? 0 : screenedOut)
                .with(SummaryCount.REFUSED, skipped.getOrDefault(SkipReason.REJECTED, 0))
                .with(SummaryCount.DEFERRED, deferred)
                .with(SummaryCount.GAVE_UP, skipped.getOrDefault(SkipReason.DEFERRED_TOO_OFTEN, 0))
                .with(SummaryCount.FAILED, failed);
        return new EventProgress(list, id.eventId(), outcome(result), openPartsChange(result), counts);
    }

    /** Skipped before any claim: the members the event was not for. */
    private static boolean screenedOut(SkipReason reason) {
        return switch (reason) {
            case UNSUBSCRIBED, FILTERED, INVALID_ADDRESS, SUPPRESSED -> true;
            case ALREADY_SENT, REJECTED, DEFERRED_TOO_OFTEN -> false;
        };
    }

    /** A part ends (done, dead-lettered), splits into its segments, or goes on (a continuation, a retry). */
    private static int openPartsChange(EventResult result) {
        if (result instanceof EventResult.Done || result instanceof EventResult.DeadLettered) {
            return -1;
        }
        return result instanceof EventResult.Split split ? split.segments() - 1 : 0;
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
