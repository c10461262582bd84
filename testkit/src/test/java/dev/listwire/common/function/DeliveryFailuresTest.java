package dev.listwire.common.function;

import static dev.listwire.common.function.OneEmailEach.assertOneEmailEach;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.listwire.testkit.ListUnderTest;
import dev.listwire.testkit.QueueDrain;
import dev.listwire.testkit.SmtpCutter;
import dev.listwire.testkit.SqsEvents;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sqs.model.Message;

/** At-least-once in, one email per recipient out; and bad input loses nothing. */
class DeliveryFailuresTest {

    private static final String AAPL = "{\"ticker\":\"AAPL\",\"price\":189.95}";

    @RegisterExtension
    final ListUnderTest<FixtureFunction> list = ListUnderTest.of("classpath:fixture-list.json", FixtureFunction::new);

    @Test
    void sendsOnceWhenTheSameSqsMessageIsDeliveredTwice() throws Exception {
        list.members().many("member", 5);
        var sqs = list.stack().sqs();
        sqs.sendMessage(b -> b.queueUrl(list.queueUrl()).messageBody(AAPL));

        // The first delivery succeeds, but its deletion is lost: the message becomes visible again.
        SQSEvent first = SqsEvents.receive(sqs, list.queueUrl(), 1);
        assertTrue(list.function()
                .handleRequest(first, null)
                .getBatchItemFailures()
                .isEmpty());
        sqs.changeMessageVisibility(b -> b.queueUrl(list.queueUrl())
                .receiptHandle(first.getRecords().get(0).getReceiptHandle())
                .visibilityTimeout(0));
        SQSEvent second = SqsEvents.receive(sqs, list.queueUrl(), 1);

        assertEquals(
                first.getRecords().get(0).getMessageId(),
                second.getRecords().get(0).getMessageId());
        assertEquals("2", second.getRecords().get(0).getAttributes().get("ApproximateReceiveCount"));
        assertTrue(list.function()
                .handleRequest(second, null)
                .getBatchItemFailures()
                .isEmpty());
        assertOneEmailEach(list, 5);
        assertEquals(
                Map.of("already-sent", 5),
                list.logs().lines("event-finished").get(1).get("skippedReasons"));
    }

    @Test
    void producerEventIdMakesTwoMessagesOneEvent() throws Exception {
        list.members().many("member", 3);
        var sqs = list.stack().sqs();
        for (int i = 0; i < 2; i++) {
            sqs.sendMessage(b -> b.queueUrl(list.queueUrl())
                    .messageBody(AAPL)
                    .messageAttributes(SqsEvents.eventIdAttribute("report-42")));
        }

        SQSEvent both = SqsEvents.receive(sqs, list.queueUrl(), 2);

        assertEquals(2, both.getRecords().size());
        assertTrue(
                list.function().handleRequest(both, null).getBatchItemFailures().isEmpty());
        assertOneEmailEach(list, 3);
    }

    @Test
    void aFailureAtTheEndOfDataDefersTheRestAndTheContinuationSendsOnlyToThem() throws Exception {
        list.members().many("member", 10);
        list.mail().failAfter(4);

        SQSBatchResponse response = list.function().handleRequest(SqsEvents.ofBody("m-1", AAPL), null);

        assertTrue(response.getBatchItemFailures().isEmpty(), "deferred by a continuation, not retried by SQS");
        assertEquals(4, list.inbox().all().size());
        Map<String, Object> line = list.logs().lines("event-finished").get(0);
        assertEquals("continued", line.get("outcome"));
        assertEquals("smtp-refused", line.get("continuedBecause"));
        Map<String, Object> deferred = list.logs().lines("sending-deferred").get(0);
        assertTrue(((String) deferred.get("smtpReply")).startsWith("451"), deferred.toString());
        assertEquals("END_OF_DATA", deferred.get("smtpPhase"));
        assertTrue(LedgerStatuses.recordedRefused(list).isEmpty(), "a 451 after the message names no recipient");

        list.mail().heal();
        QueueDrain.run(list.function(), list.stack().sqs(), list.queueUrl(), 1, () -> null, Duration.ofMinutes(1));
        assertOneEmailEach(list, 10);
        assertEquals(6, list.logs().lines("event-finished").get(1).get("sent"));
    }

    @Test
    void aConnectionLostTwiceDefersTheRestAndTheContinuationSendsOnlyToThem() throws Exception {
        list.members().many("member", 10);
        try (SmtpCutter cutter = new SmtpCutter(list.mail().smtpPort());
                FixtureFunction viaCutter = new FixtureFunction(
                        list.property("listwire.smtp.port", cutter.port()).context())) {
            cutter.cutAfter(3);

            assertTrue(viaCutter
                    .handleRequest(SqsEvents.ofBody("m-1", AAPL), null)
                    .getBatchItemFailures()
                    .isEmpty());
            assertEquals(3, list.inbox().all().size());
            assertEquals(
                    "smtp-unreachable",
                    list.logs().lines("event-finished").get(0).get("continuedBecause"));

            cutter.heal();
            QueueDrain.run(viaCutter, list.stack().sqs(), list.queueUrl(), 1, () -> null, Duration.ofMinutes(1));
        }
        assertOneEmailEach(list, 10);
    }

    @Test
    void aRefusedLoginDefersTheEventWithTheServersReplyAndTheRightPasswordThenSends() throws Exception {
        list.members().add("ada@example.com");
        try (FixtureFunction wrongPassword = new FixtureFunction(
                list.property("listwire.smtp.password", "wrong").context())) {
            assertTrue(wrongPassword
                    .handleRequest(SqsEvents.ofBody("m-1", AAPL), null)
                    .getBatchItemFailures()
                    .isEmpty());
        }
        assertTrue(list.inbox().all().isEmpty());
        Map<String, Object> deferred = list.logs().lines("sending-deferred").get(0);
        assertTrue(
                ((String) deferred.get("smtpReply")).contains("535"), "the server's answer is in the log: " + deferred);
        assertEquals("AUTH", deferred.get("smtpPhase"));
        assertTrue(LedgerStatuses.of(list).isEmpty(), "nobody marked");

        QueueDrain.run(list.function(), list.stack().sqs(), list.queueUrl(), 1, () -> null, Duration.ofMinutes(1));
        assertOneEmailEach(list, 1);
    }

    @Test
    void skipsARecipientTheServerRejectsForGoodAndSendsTheRest() throws Exception {
        list.members().add("ada@example.com").add("bounce@example.com").add("grace@example.com");
        list.mail().rejectRecipient("bounce@example.com");

        SQSBatchResponse response = list.function().handleRequest(SqsEvents.ofBody("m-1", AAPL), null);

        assertTrue(response.getBatchItemFailures().isEmpty(), "a 5xx recipient does not fail the message");
        assertEquals(
                List.of("ada@example.com", "grace@example.com"),
                list.inbox().byRecipient().keySet().stream().sorted().toList());
        Map<String, Object> skipped = list.logs().lines("recipient-skipped").get(0);
        assertEquals(
                list.function()
                        .getApplicationContext()
                        .getBean(dev.listwire.common.logging.JsonLines.class)
                        .pseudonym("bounce@example.com"),
                skipped.get("recipient"),
                "pseudonymised by default");
        assertTrue(((String) skipped.get("smtpReply")).startsWith("550"), skipped.toString());

        // A redelivery does not try the rejected address again.
        list.mail().heal();
        list.function().handleRequest(SqsEvents.ofBody("m-1", AAPL), null);
        assertEquals(2, list.inbox().all().size());
    }

    @Test
    void malformedAndInvalidPayloadsGoToTheDlqWithTheirReasonWhileTheBatchSucceeds() throws Exception {
        list.members().add("ada@example.com");
        SQSEvent batch = SqsEvents.batch(
                "good", AAPL,
                "not-json", "ticker=AAPL",
                "no-ticker", "{\"price\":1}",
                "wrong-type", "{\"ticker\":\"AAPL\",\"price\":\"a lot\"}");

        SQSBatchResponse response = list.function().handleRequest(batch, null);

        assertTrue(response.getBatchItemFailures().isEmpty(), "bad payloads are dead-lettered, not retried");
        assertEquals(1, list.inbox().all().size(), "the good message is sent");
        var dead = SqsEvents.messages(list.stack().sqs(), list.dlqUrl(), 3);
        Map<String, String> reasons = new java.util.TreeMap<>();
        for (Message m : dead) {
            reasons.put(
                    m.messageAttributes().get("listwire-source-message-id").stringValue(),
                    m.messageAttributes().get("listwire-error").stringValue());
        }
        assertEquals(List.of("no-ticker", "not-json", "wrong-type"), List.copyOf(reasons.keySet()));
        assertEquals("the message body is not a JSON object", reasons.get("not-json"));
        assertEquals("ticker: must not be blank", reasons.get("no-ticker"));
        assertTrue(
                reasons.get("wrong-type").startsWith("the message body does not fit FixtureEvent"),
                reasons.get("wrong-type"));
        assertTrue(dead.stream().anyMatch(m -> m.body().equals("ticker=AAPL")), "the body is kept as it was");
        assertEquals(
                3,
                list.logs().lines("event-finished").stream()
                        .filter(l -> "dead-lettered".equals(l.get("outcome")))
                        .count());
    }

    @Test
    void twoInvocationsHoldingTheSameMessageSendEachMemberOnce() throws Exception {
        list.members().many("member", 200);
        SQSEvent event = SqsEvents.ofBody("shared", AAPL);
        try (FixtureFunction other = new FixtureFunction(list.context())) {
            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<Future<SQSBatchResponse>> both = pool.invokeAll(List.<Callable<SQSBatchResponse>>of(
                    () -> list.function().handleRequest(event, null), () -> other.handleRequest(event, null)));
            pool.shutdown();
            for (Future<SQSBatchResponse> f : both) {
                f.get();
            }
            // An invocation that met the other's claims asks for a retry; the retry finds nothing left to send.
            assertTrue(list.function()
                    .handleRequest(event, null)
                    .getBatchItemFailures()
                    .isEmpty());
        }
        assertOneEmailEach(list, 200);
    }
}
