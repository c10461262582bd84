package dev.listwire.testkit;

import dev.listwire.common.events.EventSummaries;
import dev.listwire.common.events.EventSummary;
import dev.listwire.common.events.EventsConfiguration;

/** An event's summary item as a list function under test left it, read back by the tests. */
public final class SummaryReads {

    private SummaryReads() {}

    /** The summary of {@code eventId} on the list under test; fails the test when there is none. */
    public static EventSummary of(ListUnderTest<?> list, String eventId) {
        return new EventSummaries(
                        list.stack().dynamoDb(),
                        new EventsConfiguration(list.fixture().eventsTable(), 90))
                .one(list.manifest().name(), eventId)
                .orElseThrow(() -> new AssertionError("no summary of " + eventId));
    }
}
