package dev.listwire.common.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.listwire.common.events.EventSummary;
import dev.listwire.common.events.SummaryCount;
import dev.listwire.testkit.CountdownContext;
import dev.listwire.testkit.ListUnderTest;
import dev.listwire.testkit.QueueDrain;
import dev.listwire.testkit.SqsEvents;
import dev.listwire.testkit.SummaryReads;
import dev.listwire.testkit.TableCalls;
import dev.listwire.testkit.smtp.Phase;
import dev.listwire.testkit.smtp.ScriptedSmtpServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The list function writes one summary item per event per invocation (dynalite, ElasticMQ, GreenMail). */
class EventSummaryWritesTest {

    private static final String AAPL = "{\"ticker\":\"AAPL\",\"price\":189.95}";

    @RegisterExtension
    final ListUnderTest<FixtureFunction> list = ListUnderTest.of("classpath:fixture-list.json", FixtureFunction::new);

    @Test
    void aSentEventsSummaryHoldsItsCountsAndOneInvocation() {
        list.members().add("ada@example.com").add("bob@example.com").unsubscribed("carol@example.com");

        list.handle(event("m1", "e-sent"));

        EventSummary summary = summary("e-sent");
        assertEquals(2, summary.counts().get(SummaryCount.SENT));
        assertEquals(1, summary.counts().get(SummaryCount.SKIPPED), "carol left the list");
        assertEquals(0, summary.counts().get(SummaryCount.REFUSED));
        assertEquals(0, summary.counts().get(SummaryCount.FAILED));
        assertEquals(1, summary.progress().invocations());
        assertEquals("completed", summary.outcome());
        assertEquals(0, summary.progress().openParts());
        assertEquals(summary.progress().firstSeen(), summary.progress().updatedAt());
        assertEquals(1, TableCalls.count(list.fixture().eventsTable(), "UpdateItem"), "one write, not one per email");
    }

    @Test
    void anAddressRefusedForGoodCountsAsRefusedAndTheNextEventSkipsIt() {
        list.members().add("ada@example.com").add("bounce@example.com");
        list.mail().rejectRecipient("bounce@example.com");

        list.handle(event("m1", "e-refused"));
        list.mail().heal();
        list.handle(event("m2", "e-after"));

        EventSummary refused = summary("e-refused");
        assertEquals(1, refused.counts().get(SummaryCount.SENT));
        assertEquals(1, refused.counts().get(SummaryCount.REFUSED));
        assertEquals(0, refused.counts().get(SummaryCount.SKIPPED));
        EventSummary after = summary("e-after");
        assertEquals(1, after.counts().get(SummaryCount.SENT));
        assertEquals(1, after.counts().get(SummaryCount.SKIPPED), "suppressed since the refusal");
        assertEquals(0, after.counts().get(SummaryCount.REFUSED));
    }

    @Test
    void refusalsForNowCountEachTryAndTheLastOneGivesUp() throws Exception {
        list.members().add("ada@example.com").add("member1@example.com");
        try (ScriptedSmtpServer server = ScriptedSmtpServer.start();
                FixtureFunction function = new FixtureFunction(
                        list.property("listwire.smtp.port", server.port()).context())) {
            server.script().at(Phase.RCPT_TO, SmtpFaults.SOME, "452 4.2.2 The email account is over quota.");

            function.handleRequest(event("m1", "e-deferred"), null);
            QueueDrain.run(function, list.stack().sqs(), list.queueUrl(), 1, () -> null, Duration.ofMinutes(1));
        }

        EventSummary summary = summary("e-deferred");
        assertEquals(3, summary.progress().invocations(), "three passes: address-tries is 3");
        assertEquals(1, summary.counts().get(SummaryCount.SENT), "ada, in the first pass and only then");
        assertEquals(2, summary.counts().get(SummaryCount.DEFERRED), "member1's first two tries");
        assertEquals(1, summary.counts().get(SummaryCount.GAVE_UP), "and its third");
        assertEquals(0, summary.counts().get(SummaryCount.SKIPPED), "ada, already sent, is not counted again");
        assertEquals("completed", summary.outcome());
    }

    @Test
    void aContinuationAddsToTheSameSummaryAsASecondInvocation() throws Exception {
        list.members().add("ada@example.com").add("bob@example.com");
        try (FixtureFunction budgeted = new FixtureFunction(list.property("listwire.function.continue-margin", "1s")
                .property("listwire.sending.window-seconds", 600)
                .context())) {
            // Out of time from the start: one member, then the rest goes to a continuation.
            budgeted.handleRequest(event("m1", "e-cont"), new CountdownContext(Duration.ofMillis(900)));
            EventSummary first = summary("e-cont");
            assertEquals(1, first.counts().get(SummaryCount.SENT));
            assertEquals("continued", first.progress().lastOutcome());
            assertEquals(EventSummary.IN_PROGRESS, first.outcome());
        }
        // The rest, by an invocation with time enough.
        list.handle(SqsEvents.receive(list.stack().sqs(), list.queueUrl(), 1));

        EventSummary summary = summary("e-cont");
        assertEquals(2, summary.counts().get(SummaryCount.SENT));
        assertEquals(2, summary.progress().invocations());
        assertEquals("completed", summary.outcome());
        assertEquals(2, list.recipients().size());
    }

    @Test
    void twoMessagesOfOneEventInOneBatchAreOneWrite() {
        list.members().add("ada@example.com");
        // A producer that retried its own send: the same eventId twice in one batch.
        SQSEvent batch = new SQSEvent();
        batch.setRecords(List.of(
                event("m1", "e-twice").getRecords().get(0),
                event("m2", "e-twice").getRecords().get(0)));

        list.handle(batch);

        EventSummary summary = summary("e-twice");
        assertEquals(1, summary.counts().get(SummaryCount.SENT), "the ledger sent it once");
        assertEquals(1, summary.progress().invocations());
        assertEquals(1, TableCalls.count(list.fixture().eventsTable(), "UpdateItem"));
    }

    /** TableCalls refuses the writes: dynalite cannot be made to fail one table's updates on its own (a fake). */
    @Test
    void aSummaryThatCannotBeWrittenNeverFailsTheEvent() {
        list.members().add("ada@example.com");
        TableCalls.failUpdates(list.fixture().eventsTable());

        var response = list.handle(event("m1", "e-nosummary"));

        assertTrue(response.getBatchItemFailures().isEmpty(), "the message is settled");
        assertEquals(List.of("ada@example.com"), list.recipients());
        var failed = list.logs().lines("event-summary-failed");
        assertEquals(1, failed.size(), String.valueOf(failed));
        assertEquals("e-nosummary", failed.get(0).get("eventId"));
        assertEquals("fixture-list", failed.get(0).get("list"));
        assertEquals("completed", list.logs().lines("event-finished").get(0).get("outcome"));
    }

    private static SQSEvent event(String messageId, String eventId) {
        return SqsEvents.withAttributes(messageId, AAPL, Map.of("eventId", eventId));
    }

    private EventSummary summary(String eventId) {
        return SummaryReads.of(list, eventId);
    }
}
