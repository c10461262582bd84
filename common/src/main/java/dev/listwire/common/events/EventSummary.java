package dev.listwire.common.events;

import java.time.Instant;

/**
 * One event's summary item, as read back.
 *
 * @param list     the list
 * @param eventId  the event
 * @param progress where the event stands
 * @param counts   what happened to its members, and what came back later (bounces, complaints)
 */
public record EventSummary(String list, String eventId, Progress progress, EventCounts counts) {

    /** The outcome shown for an event that still has parts to run. */
    public static final String IN_PROGRESS = "in-progress";

    /**
     * @param firstSeen   when the first invocation that handled the event wrote its summary
     * @param updatedAt   when the last one did
     * @param lastOutcome how the last part written ended (see {@link EventProgress#outcome()})
     * @param openParts   the parts still to run (see {@link EventSummaries})
     * @param invocations how many invocations handled the event
     */
    public record Progress(
            Instant firstSeen, Instant updatedAt, String lastOutcome, long openParts, long invocations) {}

    /** {@value #IN_PROGRESS} while parts are still to run, otherwise how the last part ended. */
    public String outcome() {
        return progress.openParts() > 0 ? IN_PROGRESS : progress.lastOutcome();
    }
}
