package dev.listwire.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.listwire.common.ledger.DeliveryLedger;
import dev.listwire.common.ledger.EventLedger;
import dev.listwire.common.ledger.LedgerConfiguration;
import dev.listwire.testkit.LocalStack;
import dev.listwire.testkit.local.LocalResources;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The CPU benchmark's composing loop that keeps the ledger: it must make the claim and the mark it says it
 * makes for every email, on dynalite and a real sink, or its figure would not be the floor it is reported as.
 */
class ComposingWorkerTest {

    private final LocalStack stack = LocalStack.shared();

    @Test
    void keepingTheLedgerClaimsAndMarksEachRecipientOnceAndRefusesToSendToOneAlreadyDone() throws Exception {
        LedgerConfiguration configuration = new LedgerConfiguration("ledger-" + UUID.randomUUID(), 14, 25, 16, true);
        new LocalResources(stack.dynamoDb(), stack.sqs()).createLedger(configuration.table());
        EventLedger event =
                new DeliveryLedger(stack.dynamoDb(), configuration).open("composing", "test", Duration.ofMinutes(2));
        MimeMessage template = new MimeMessage(Session.getInstance(new Properties()));
        template.setFrom(new InternetAddress("alerts@listwire.dev"));
        template.setSubject("composed");
        MimeMultipart alternative = new MimeMultipart("alternative");
        MimeBodyPart plain = new MimeBodyPart();
        plain.setText("plain", "UTF-8");
        alternative.addBodyPart(plain);
        MimeBodyPart html = new MimeBodyPart();
        html.setText("<p>html</p>", "UTF-8", "html");
        alternative.addBodyPart(html);
        template.setContent(alternative);
        template.saveChanges();

        try (SinkProcess sink = SinkProcess.start(0)) {
            ComposingWorker.round(template, sink.port(), 3, 4, event);
            sink.awaitCount(12, 5_000);
            assertEquals(12, sink.count(), "three loops of four emails, each sent");

            List<Map<String, AttributeValue>> items = stack.dynamoDb()
                    .scan(b -> b.tableName(configuration.table()).consistentRead(true))
                    .items();
            assertEquals(12, items.size(), "one ledger item per recipient: " + items);
            assertTrue(
                    items.stream().allMatch(item -> item.get("status").s().equals("sent")),
                    "every item marked sent after the round: " + items);
            assertEquals(
                    12,
                    items.stream().map(item -> item.get("email").s()).distinct().count(),
                    "no two loops share a recipient");

            IllegalStateException again = assertThrows(
                    IllegalStateException.class, () -> ComposingWorker.round(template, sink.port(), 3, 4, event));
            assertTrue(again.getMessage().contains("12 claims"), again.getMessage());
            Thread.sleep(200);
            assertEquals(12, sink.count(), "a recipient already sent is not sent again");
        }
    }
}
