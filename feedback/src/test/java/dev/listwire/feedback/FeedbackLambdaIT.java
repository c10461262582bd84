package dev.listwire.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.listwire.lists.stockmovementalerts.StockMovementAlertsFunction;
import dev.listwire.testkit.Inbox;
import dev.listwire.testkit.LambdaRuntime;
import dev.listwire.testkit.ListUnderTest;
import dev.listwire.testkit.SqsEvents;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * target/function.jar under AWS's Lambda runtime interface client, configured only by environment variables as
 * Terraform sets them, invoked with the schedule's input by the handler name Terraform gives: it reads the
 * sending mailbox (GreenMail) and suppresses the address a DSN is about.
 */
class FeedbackLambdaIT {

    private static final String LINUS = "linus@example.net"; // postfix-permanent.eml's recipient

    @RegisterExtension
    final ListUnderTest<StockMovementAlertsFunction> list = ListUnderTest.of(StockMovementAlertsFunction::new);

    @Test
    void theDeployableJarReadsTheMailboxAndSuppressesABouncedAddressUnderTheLambdaRuntime() throws Exception {
        list.members().add(LINUS);
        list.handle(SqsEvents.withAttributes(
                "m-1", "{\"ticker\":\"NVDA\",\"price\":131.2,\"changePct\":3.1}", Map.of("eventId", "evt-1")));
        String delivery = Inbox.header(list.inbox().to(LINUS).get(0), "X-Listwire-Delivery");
        new SendingMailbox(list.mail()).deliver(Reports.about("postfix-permanent.eml", delivery, "dsn-it-1"));
        list.property("listwire.feedback.mailbox.host", "127.0.0.1");
        list.property("listwire.feedback.mailbox.port", list.mail().imapPort());
        list.property("listwire.feedback.mailbox.ssl", false);

        try (LambdaRuntime lambda = LambdaRuntime.start(
                Path.of("target/function.jar"),
                Path.of("target/lambda-runtime"),
                "dev.listwire.feedback.MailboxFeedbackHandler::handleRequest",
                list.fixture().environment())) {
            String run = lambda.invoke("{}", Duration.ofSeconds(60));
            assertTrue(run.contains("\"suppressed\":1"), run + "\n" + lambda.output());
        }
        Map<String, AttributeValue> suppression = list.stack()
                .dynamoDb()
                .getItem(b -> b.tableName(list.fixture().suppressionTable())
                        .key(Map.of("email", AttributeValue.fromS(LINUS))))
                .item();
        assertEquals("bounce", suppression.get("reason").s());
    }
}
