package dev.listwire.common.events;

/**
 * What one invocation did for one event: added to the event's summary in one write.
 *
 * @param list            the list
 * @param eventId         the event
 * @param outcome         how the invocation's (last) part of the event ended, in the {@code event-finished} line's
 *                        words: {@code completed}, {@code continued}, {@code split}, {@code retry}, {@code
 *                        dead-lettered}
 * @param openPartsChange how the event's parts still to run changed: -1 for a part that ended (completed,
 *                        dead-lettered), {@code n - 1} for a split into {@code n}, 0 for a part that goes on in a
 *                        continuation or is retried
 * @param counts          what happened to the members in this invocation
 */
public record EventProgress(String list, String eventId, String outcome, int openPartsChange, EventCounts counts) {

    /** This and a later part of the same event in the same invocation, as one: the later part's outcome. */
    public EventProgress then(EventProgress later) {
        if (!list.equals(later.list) || !eventId.equals(later.eventId)) {
            throw new IllegalArgumentException(
                    "not the same event: " + list + "/" + eventId + " and " + later.list + "/" + later.eventId);
        }
        return new EventProgress(
                list, eventId, later.outcome, openPartsChange + later.openPartsChange, counts.plus(later.counts));
    }
}
