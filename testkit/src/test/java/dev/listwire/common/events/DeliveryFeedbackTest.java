package dev.listwire.common.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.listwire.common.events.DeliveryFeedback.LedgerMark;
import dev.listwire.common.events.DeliveryFeedback.Recorded;
import dev.listwire.common.ledger.DeliveryLedger;
import dev.listwire.common.ledger.EventLedger;
import dev.listwire.common.ledger.LedgerConfiguration;
import dev.listwire.common.ledger.LedgerItems;
import dev.listwire.common.links.DeliveryRef;
import dev.listwire.testkit.LocalStack;
import dev.listwire.testkit.local.LocalResources;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Bounces and complaints recorded on the delivery they are about, against dynalite. */
class DeliveryFeedbackTest {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final Instant AT = Instant.parse("2026-11-30T10:15:00Z");
    private static final DeliveryRef ADA = new DeliveryRef("prices", "e-1", "ada@example.com");

    private final LocalStack stack = LocalStack.shared();
    private LedgerConfiguration ledger;
    private EventsConfiguration events;
    private DeliveryFeedback feedback;

    @BeforeEach
    void createTables() {
        int n = SEQUENCE.incrementAndGet();
        ledger = new LedgerConfiguration("listwire-deliveries-f" + n, 14, 25, 4, true);
        events = new EventsConfiguration("listwire-events-f" + n, 90);
        LocalResources resources = new LocalResources(stack.dynamoDb(), stack.sqs());
        resources.createLedger(ledger.table());
        resources.createEventsTable(events.table());
        feedback = new DeliveryFeedback(stack.dynamoDb(), ledger, events);
    }

    @Test
    void aBounceMarksTheLedgerItemAndCountsOnTheEventsSummary() {
        sent(ADA);
        summaryOf(ADA);

        Recorded recorded = feedback.record(ADA, bounce("5.1.1", "r-1"));

        assertEquals(new Recorded(LedgerMark.MARKED, true), recorded);
        Map<String, AttributeValue> mark = ledgerItem(ADA).get("bounce").m();
        assertEquals("5.1.1", mark.get("status").s());
        assertEquals("550 5.1.1 no such user", mark.get("detail").s());
        assertEquals(Long.toString(AT.toEpochMilli()), mark.get("at").n());
        assertEquals("r-1", mark.get("report").s());
        assertEquals("sent", ledgerItem(ADA).get(LedgerItems.STATUS).s(), "the send's own record is kept");
        assertEquals(1, summary().counts().get(SummaryCount.BOUNCED));
    }

    @Test
    void theSameDeliveryReportedTwiceKeepsTheFirstMarkAndCountsOnce() {
        sent(ADA);
        summaryOf(ADA);
        feedback.record(ADA, bounce("5.1.1", "r-1"));

        Recorded again = feedback.record(ADA, bounce("5.0.0", "r-2"));

        assertEquals(new Recorded(LedgerMark.ALREADY_MARKED, false), again);
        assertEquals("r-1", ledgerItem(ADA).get("bounce").m().get("report").s());
        assertEquals(1, summary().counts().get(SummaryCount.BOUNCED));
        FeedbackMark complaint = new FeedbackMark(FeedbackMark.Kind.COMPLAINT, "abuse", "", AT, "arf-1");
        assertEquals(new Recorded(LedgerMark.MARKED, true), feedback.record(ADA, complaint));
        assertEquals(1, summary().counts().get(SummaryCount.COMPLAINTS));
        assertFalse(ledgerItem(ADA).get("complaint").m().containsKey("detail"), "an empty detail is left out");
    }

    @Test
    void noLedgerItemMeansNothingIsWrittenAnywhere() {
        summaryOf(ADA);
        DeliveryRef never = new DeliveryRef("prices", "e-1", "bob@example.com");

        Recorded recorded = feedback.record(never, bounce("5.1.1", "r-1"));

        assertEquals(new Recorded(LedgerMark.NO_LEDGER_ITEM, false), recorded);
        assertTrue(ledgerItem(never).isEmpty(), "no ledger item was created");
        assertEquals(0, summary().counts().get(SummaryCount.BOUNCED));
    }

    @Test
    void aMarkWithoutASummaryIsKeptAndCountedNowhere() {
        sent(ADA);

        Recorded recorded =
                feedback.record(ADA, new FeedbackMark(FeedbackMark.Kind.SOFT_BOUNCE, "4.2.2", "full", AT, "r-3"));

        assertEquals(new Recorded(LedgerMark.MARKED, false), recorded);
        assertEquals(
                "4.2.2", ledgerItem(ADA).get("softBounce").m().get("status").s());
        assertTrue(
                new EventSummaries(stack.dynamoDb(), events)
                        .one("prices", "e-1")
                        .isEmpty(),
                "none created");
    }

    /** The list function's own record of a send: a claim, then {@code sent}. */
    private void sent(DeliveryRef ref) {
        EventLedger event =
                new DeliveryLedger(stack.dynamoDb(), ledger).open(ref.list(), ref.eventId(), Duration.ofMinutes(2));
        event.claim(ref.email());
        event.sent(ref.email());
        event.flush();
    }

    private void summaryOf(DeliveryRef ref) {
        new EventSummaries(stack.dynamoDb(), events)
                .record(new EventProgress(
                        ref.list(), ref.eventId(), "completed", -1, EventCounts.NONE.with(SummaryCount.SENT, 1)));
    }

    private EventSummary summary() {
        return new EventSummaries(stack.dynamoDb(), events).one("prices", "e-1").orElseThrow();
    }

    private Map<String, AttributeValue> ledgerItem(DeliveryRef ref) {
        return stack.dynamoDb()
                .getItem(b -> b.tableName(ledger.table())
                        .key(LedgerItems.key(ref.list(), ref.eventId(), ref.email()))
                        .consistentRead(true))
                .item();
    }

    private static FeedbackMark bounce(String status, String reportId) {
        return new FeedbackMark(FeedbackMark.Kind.BOUNCE, status, "550 " + status + " no such user", AT, reportId);
    }
}
