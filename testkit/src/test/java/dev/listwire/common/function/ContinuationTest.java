package dev.listwire.common.function;

import static dev.listwire.common.function.OneEmailEach.assertOneEmailEach;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.listwire.common.ledger.LedgerItems;
import dev.listwire.testkit.CountdownContext;
import dev.listwire.testkit.ListUnderTest;
import dev.listwire.testkit.QueueDrain;
import dev.listwire.testkit.SqsEvents;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * A list longer than one invocation goes on in continuation messages on its own queue, with no gap and
 * no duplicate. The default run uses 1,500 members and 3-second invocations; {@code -Dlistwire.large-list=100000}
 * runs the 100,000 members with 20-second invocations (see BENCHMARKS.md).
 */
class ContinuationTest {

    /**
     * The rate window of the tests whose invocation is out of time from its start. No send is taken in a
     * window's last 100 ms (SendSlots.GUARD), and with no time left the gate cannot wait that out: with the
     * default 10 s window the one member such a part sends would be held back in about 1 run in 100.
     */
    private static final int WINDOW_SECONDS = 600;

    private static final String AAPL = "{\"ticker\":\"AAPL\",\"price\":189.95}";
    private static final int MEMBERS = Integer.getInteger("listwire.large-list", 1_500);
    /** Each invocation's time, of which the last second is its margin: too little to send the list in one. */
    private static final Duration BUDGET = MEMBERS >= 50_000 ? Duration.ofSeconds(20) : Duration.ofMillis(1_500);

    @RegisterExtension
    final ListUnderTest<FixtureFunction> list = ListUnderTest.of("classpath:fixture-list.json", FixtureFunction::new);

    @Test
    void aListLongerThanOneInvocationCompletesThroughContinuationsWithEveryMemberSentOnce() throws Exception {
        list.members().many("member", MEMBERS);
        if (MEMBERS > 10_000) {
            list.mail().oneMailboxForAll();
        }
        var sqs = list.stack().sqs();
        sqs.sendMessage(b -> b.queueUrl(list.queueUrl()).messageBody(AAPL));

        QueueDrain.Result drained;
        try (FixtureFunction budgeted = new FixtureFunction(
                list.property("listwire.function.continue-margin", "1s").context())) {
            drained = QueueDrain.run(
                    budgeted, sqs, list.queueUrl(), 10, () -> new CountdownContext(BUDGET), Duration.ofHours(2));
        }

        var finished = list.logs().lines("event-finished");
        long continued = finished.stream()
                .filter(l -> "continued".equals(l.get("outcome")))
                .count();
        System.out.printf(
                "ContinuationTest: %d members, %d invocations, wall time %d s, budget %d ms per invocation%n",
                MEMBERS, drained.invocations(), drained.wallTime().toSeconds(), BUDGET.toMillis());
        assertTrue(continued >= 1, "a list this long needs more than one invocation: " + finished.size());
        assertEquals("completed", finished.get(finished.size() - 1).get("outcome"));
        assertEquals(continued + 1, finished.size(), "every part but the last continued; none failed");
        assertEquals(
                MEMBERS,
                finished.stream().mapToInt(l -> (Integer) l.get("sent")).sum());
        assertOneEmailEach(list, MEMBERS);
    }

    @Test
    void aProducerCannotForgeAContinuationThatSkipsMembers() throws Exception {
        list.members().many("member", 5);
        SQSEvent forged = SqsEvents.withAttributes("forged", AAPL, Map.of(Continuations.ATTRIBUTE, "k1.c2tpcA.AAAA"));

        assertTrue(
                list.function()
                        .handleRequest(forged, null)
                        .getBatchItemFailures()
                        .isEmpty(),
                "dead-lettered, not retried");

        assertTrue(list.inbox().all().isEmpty());
        Message dead = SqsEvents.messages(list.stack().sqs(), list.dlqUrl(), 1).get(0);
        assertTrue(dead.messageAttributes().get("listwire-error").stringValue().contains(Continuations.ATTRIBUTE));
    }

    @Test
    void aGenuineContinuationCannotBeMovedToAnotherBody() throws Exception {
        list.members().many("member", 50);
        var sqs = list.stack().sqs();
        sqs.sendMessage(b -> b.queueUrl(list.queueUrl()).messageBody(AAPL));
        SQSEvent first = SqsEvents.receive(sqs, list.queueUrl(), 1);
        try (FixtureFunction budgeted = new FixtureFunction(list.property("listwire.function.continue-margin", "1s")
                .property("listwire.sending.window-seconds", WINDOW_SECONDS)
                .context())) {
            // Out of time after the first member: the rest goes to a continuation.
            budgeted.handleRequest(first, new CountdownContext(Duration.ofMillis(900)));
        }
        Message continuation = SqsEvents.messages(sqs, list.queueUrl(), 1).get(0);
        String token =
                continuation.messageAttributes().get(Continuations.ATTRIBUTE).stringValue();
        String eventId = continuation.messageAttributes().get("eventId").stringValue();

        SQSEvent moved = SqsEvents.withAttributes(
                "moved",
                "{\"ticker\":\"EVIL\",\"price\":1}",
                Map.of(Continuations.ATTRIBUTE, token, "eventId", eventId));
        list.function().handleRequest(moved, null);

        assertEquals(1, list.inbox().all().size(), "only the first part's one email");
        assertEquals("dead-lettered", list.logs().lines("event-finished").get(1).get("outcome"));
    }

    @Test
    void aPartThatStopsEarlyGivesBackTheClaimsItTookAheadOfItsLastMember() throws Exception {
        list.members().many("member", 60);
        var sqs = list.stack().sqs();
        sqs.sendMessage(b -> b.queueUrl(list.queueUrl()).messageBody(AAPL));
        SQSEvent first = SqsEvents.receive(sqs, list.queueUrl(), 1);
        try (FixtureFunction budgeted = new FixtureFunction(list.property("listwire.function.continue-margin", "1s")
                .property("listwire.ledger.claims-ahead", 8)
                .property("listwire.sending.window-seconds", WINDOW_SECONDS)
                .context())) {
            // Out of time after the first member, with up to 8 members claimed ahead of it.
            budgeted.handleRequest(first, new CountdownContext(Duration.ofMillis(900)));
        }

        assertEquals(1, list.inbox().all().size());
        var statuses = list.stack().dynamoDb().scan(b -> b.tableName(list.ledgerTable())).items().stream()
                .filter(LedgerItems::isRecipient)
                .map(item -> item.get("status").s())
                .toList();
        assertEquals(
                List.of("sent"),
                statuses,
                "one recipient sent, and no claim left held for the continuation to wait on");
    }
}
