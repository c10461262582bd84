package dev.listwire.common.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.listwire.testkit.LocalStack;
import dev.listwire.testkit.local.LocalResources;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The summary items against dynalite, with the events table and its {@code recent} index as Terraform makes them. */
class EventSummariesTest {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final Instant T0 = Instant.parse("2026-11-30T09:00:00Z");

    private final LocalStack stack = LocalStack.shared();
    private EventsConfiguration configuration;

    @BeforeEach
    void createTable() {
        configuration = new EventsConfiguration("listwire-events-s" + SEQUENCE.incrementAndGet(), 90);
        new LocalResources(stack.dynamoDb(), stack.sqs()).createEventsTable(configuration.table());
    }

    @Test
    void recentListsAListsEventsNewestFirst() {
        at(T0).record(done("prices", "e-1", 1));
        at(T0.plusSeconds(60)).record(done("prices", "e-2", 1));
        at(T0.plusSeconds(120)).record(done("prices", "e-3", 1));
        at(T0.plusSeconds(180)).record(done("news", "n-1", 1));
        // A later invocation of the oldest event: the order is by first seen, not by last update.
        at(T0.plusSeconds(240)).record(done("prices", "e-1", 1));

        assertEquals(List.of("e-3", "e-2", "e-1"), ids(at(T0).recent("prices", 10)));
        assertEquals(List.of("e-3", "e-2"), ids(at(T0).recent("prices", 2)));
        assertEquals(List.of("n-1"), ids(at(T0).recent("news", 10)));
        assertTrue(at(T0).recent("nothing", 10).isEmpty());
    }

    @Test
    void laterInvocationsAddTheirCountsAndKeepTheFirstSeen() {
        at(T0).record(new EventProgress("prices", "e-1", "continued", 0, sent(3).with(SummaryCount.SKIPPED, 2)));
        at(T0.plusSeconds(30)).record(new EventProgress("prices", "e-1", "completed", -1, sent(4)));

        EventSummary summary = at(T0).one("prices", "e-1").orElseThrow();
        assertEquals(7, summary.counts().get(SummaryCount.SENT));
        assertEquals(2, summary.counts().get(SummaryCount.SKIPPED));
        assertEquals(2, summary.progress().invocations());
        assertEquals(T0, summary.progress().firstSeen());
        assertEquals(T0.plusSeconds(30), summary.progress().updatedAt());
        assertEquals("completed", summary.outcome());
        long expiresAt = Long.parseLong(stack.dynamoDb()
                .getItem(b -> b.tableName(configuration.table()).key(SummaryItems.key("prices", "e-1")))
                .item()
                .get("expiresAt")
                .n());
        assertEquals(T0.plusSeconds(30).plus(Duration.ofDays(90)).getEpochSecond(), expiresAt);
    }

    @Test
    void aSplitEventIsInProgressUntilItsLastPartEnds() {
        at(T0).record(new EventProgress("prices", "e-1", "split", 2, EventCounts.NONE));
        at(T0).record(done("prices", "e-1", 5));
        at(T0).record(done("prices", "e-1", 5));
        EventSummary twoOfThree = at(T0).one("prices", "e-1").orElseThrow();
        assertEquals(EventSummary.IN_PROGRESS, twoOfThree.outcome());
        assertEquals("completed", twoOfThree.progress().lastOutcome());
        assertEquals(1, twoOfThree.progress().openParts());

        at(T0).record(done("prices", "e-1", 5));

        EventSummary all = at(T0).one("prices", "e-1").orElseThrow();
        assertEquals("completed", all.outcome());
        assertEquals(15, all.counts().get(SummaryCount.SENT));
        assertEquals(4, all.progress().invocations());
    }

    @Test
    void anEventNoInvocationWroteHasNoSummary() {
        assertTrue(at(T0).one("prices", "never").isEmpty());
    }

    private EventSummaries at(Instant now) {
        return new EventSummaries(stack.dynamoDb(), configuration, Clock.fixed(now, ZoneOffset.UTC));
    }

    private static EventProgress done(String list, String eventId, long sent) {
        return new EventProgress(list, eventId, "completed", -1, sent(sent));
    }

    private static EventCounts sent(long n) {
        return EventCounts.NONE.with(SummaryCount.SENT, n);
    }

    private static List<String> ids(List<EventSummary> summaries) {
        return summaries.stream().map(EventSummary::eventId).toList();
    }
}
