package dev.listwire.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.listwire.common.events.EventSummaries;
import dev.listwire.common.events.SummaryCount;
import dev.listwire.common.queue.DeadLetterReasons;
import dev.listwire.common.suppression.Suppression;
import dev.listwire.common.suppression.SuppressionList;
import dev.listwire.feedback.reports.ReportFixtures;
import dev.listwire.lists.stockmovementalerts.StockMovementAlertsFunction;
import dev.listwire.testkit.Inbox;
import dev.listwire.testkit.ListUnderTest;
import dev.listwire.testkit.SqsEvents;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The SES source on real parts: SES's notifications as SNS writes them onto the feedback queue (ElasticMQ),
 * received the way the event source mapping receives them, about real emails a list function sent.
 */
class SesFeedbackTest {

    private static final String ADA = "ada@example.com"; // ses-bounce-permanent.json's recipient
    private static final String BARBARA = "barbara@example.net"; // ses-complaint.json's
    private static final String EVENT = "{\"ticker\":\"NVDA\",\"price\":131.2,\"changePct\":3.1}";

    @RegisterExtension
    final ListUnderTest<StockMovementAlertsFunction> list = ListUnderTest.of(StockMovementAlertsFunction::new);

    private String queueUrl;
    private String dlqUrl;
    private SesFeedbackHandler feedback;

    @BeforeEach
    void feedbackFunction() {
        String name = "feedback-" + UUID.randomUUID();
        queueUrl = list.stack().sqs().createQueue(b -> b.queueName(name)).queueUrl();
        dlqUrl = list.stack().sqs().createQueue(b -> b.queueName(name + "-dlq")).queueUrl();
        list.property("listwire.feedback.dlq-url", dlqUrl);
        list.property(
                "listwire.feedback.member-tables",
                list.manifest().name() + "=" + list.members().table());
        list.members().add(ADA).add(BARBARA);
        list.handle(SqsEvents.withAttributes("m-1", EVENT, Map.of("eventId", "evt-1")));
        feedback = new SesFeedbackHandler(list.fixture().context());
    }

    @AfterEach
    void close() {
        feedback.close();
    }

    @Test
    void aPermanentBounceSuppressesTheAddressAndCountsOnItsEvent() {
        SQSBatchResponse response = deliver(notification("ses-bounce-permanent.json", delivery(ADA)));

        assertTrue(response.getBatchItemFailures().isEmpty());
        Suppression ada = only(suppressions().page(Optional.empty(), 10).entries());
        assertEquals(ADA, ada.email());
        assertEquals("bounce", ada.cause().reason().value());
        assertEquals(Optional.of("evt-1"), ada.cause().event());
        assertEquals(1, bounced());
    }

    @Test
    void theSameNotificationDeliveredTwiceIsActedOnOnce() {
        String body = notification("ses-bounce-permanent.json", delivery(ADA));

        deliver(body);
        deliver(body);

        assertEquals(
                1, only(suppressions().page(Optional.empty(), 10).entries()).count());
        assertEquals(1, bounced());
    }

    @Test
    void aNotificationWithoutTheDeliveryHeaderStillSuppressesTheAddress() {
        // SES itself is trusted (only its topic may write to the queue): the address is acted on, no event marked.
        deliver(notification("ses-bounce-permanent.json", ""));

        assertEquals(
                ADA, only(suppressions().page(Optional.empty(), 10).entries()).email());
        assertEquals(0, bounced());
    }

    @Test
    void aComplaintSuppressesTheAddressAndIsWrittenOnTheMember() {
        deliver(notification("ses-complaint.json", delivery(BARBARA)));

        assertEquals(
                "complaint",
                only(suppressions().page(Optional.empty(), 10).entries())
                        .cause()
                        .reason()
                        .value());
        var member = list.stack()
                .dynamoDb()
                .getItem(b -> b.tableName(list.members().table()).key(Map.of("email", AttributeValue.fromS(BARBARA))))
                .item();
        assertEquals("abuse", member.get("complaint").s());
    }

    @Test
    void aBodyThatIsNotANotificationGoesToTheDlqWithItsReason() {
        SQSBatchResponse response = deliver(notification("ses-malformed.json", ""), "not json at all");

        assertTrue(response.getBatchItemFailures().isEmpty(), "nothing to retry: they can never succeed");
        List<Message> dead = SqsEvents.messages(list.stack().sqs(), dlqUrl, 2);
        assertEquals(2, dead.size());
        assertTrue(dead.stream()
                .allMatch(m -> !m.messageAttributes()
                        .get(DeadLetterReasons.REASON)
                        .stringValue()
                        .isBlank()));
        assertTrue(suppressions().page(Optional.empty(), 10).entries().isEmpty());
    }

    @Test
    void aNotificationThatFailsHalfWayIsRetriedAndNotForgotten() {
        String body = notification("ses-complaint.json", delivery(BARBARA));
        list.property("listwire.feedback.member-tables", list.manifest().name() + "=no-such-table");
        try (SesFeedbackHandler broken = new SesFeedbackHandler(list.fixture().context())) {
            SQSBatchResponse failed = broken.handleRequest(SqsEvents.batch("n-1", body), null);
            assertEquals(1, failed.getBatchItemFailures().size(), "named for SQS to give it again");
        }

        // SQS gives it again, to a function whose tables are all there: acted on, not taken for a duplicate.
        deliver(body);

        var member = list.stack()
                .dynamoDb()
                .getItem(b -> b.tableName(list.members().table()).key(Map.of("email", AttributeValue.fromS(BARBARA))))
                .item();
        assertEquals("abuse", member.get("complaint").s());
        assertEquals(
                1,
                summaries()
                        .one(list.manifest().name(), "evt-1")
                        .orElseThrow()
                        .counts()
                        .get(SummaryCount.COMPLAINTS));
    }

    @Test
    void withoutItsDeadLetterQueueTheSesSourceRefusesToStart() {
        // Not one notification may be only logged and dropped: no DLQ, no start.
        list.property("listwire.feedback.dlq-url", "");
        RuntimeException refused = assertThrows(
                RuntimeException.class,
                () -> new SesFeedbackHandler(list.fixture().context()));
        assertTrue(causes(refused).contains("listwire.feedback.dlq-url"), causes(refused));
    }

    private static String causes(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }

    /** As SNS writes them onto the queue, then received as the event source mapping receives them. */
    private SQSBatchResponse deliver(String... bodies) {
        for (String body : bodies) {
            list.stack().sqs().sendMessage(b -> b.queueUrl(queueUrl).messageBody(body));
        }
        SQSEvent batch = SqsEvents.receive(list.stack().sqs(), queueUrl, bodies.length);
        assertEquals(bodies.length, batch.getRecords().size());
        return feedback.handleRequest(batch, null);
    }

    private String delivery(String address) {
        return Inbox.header(list.inbox().to(address).get(0), "X-Listwire-Delivery");
    }

    private static String notification(String fixture, String delivery) {
        return ReportFixtures.withToken(fixture, delivery);
    }

    private long bounced() {
        return summaries()
                .one(list.manifest().name(), "evt-1")
                .orElseThrow()
                .counts()
                .get(SummaryCount.BOUNCED);
    }

    private SuppressionList suppressions() {
        return feedback.getApplicationContext().getBean(SuppressionList.class);
    }

    private EventSummaries summaries() {
        return feedback.getApplicationContext().getBean(EventSummaries.class);
    }

    private static <T> T only(List<T> items) {
        assertEquals(1, items.size(), items.toString());
        return items.get(0);
    }
}
