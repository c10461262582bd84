package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import dev.listwire.testkit.Inbox;
import dev.listwire.testkit.ListUnderTest;
import dev.listwire.testkit.SqsEvents;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The list against the real local parts: dynalite for its table, ElasticMQ for its DLQ, GreenMail for SMTP. */
class ${className}FunctionTest {

    @RegisterExtension
    // ListUnderTest<?>: the tests need no more of the function's type, and the line stays short for any list's name.
    final ListUnderTest<?> list = ListUnderTest.of(${className}Function::new);

    @Test
    void sendsTheExampleEventToEverySubscribedMember() throws Exception {
        list.members()
                .add("ada@example.com", Map.of("name", AttributeValue.fromS("Ada")))
                .add("grace@example.com")
                .unsubscribed("gone@example.com");

        SQSBatchResponse response = list.handle(SqsEvents.fromResource("events/example.json"));

        assertEquals(List.of(), response.getBatchItemFailures());
        assertEquals(List.of("ada@example.com", "grace@example.com"), list.recipients());
        MimeMessage email = list.inbox().to("ada@example.com").get(0);
        assertEquals("Your first event", email.getSubject());
        InternetAddress from = (InternetAddress) email.getFrom()[0];
        assertEquals(list.manifest().from().address(), from.getAddress());
        assertEquals(list.manifest().from().name(), from.getPersonal());
        String html = Inbox.part(email, "text/html");
        assertTrue(html.contains("Hello Ada,"), html);
        assertTrue(html.contains("<a href=\"https://example.com/first\""), html);
        String text = Inbox.part(email, "text/plain");
        assertTrue(text.contains("Producers send this JSON; the templates say what members read."), text);
    }

    @Test
    void deadLettersAnEventWithoutHeadlineAndSendsNothing() {
        list.members().add("ada@example.com");

        SQSBatchResponse response = list.handle(SqsEvents.ofBody("m-1", "{\"details\":\"no headline\"}"));

        assertEquals(List.of(), response.getBatchItemFailures(), "it can never be sent, so it is not retried");
        assertEquals(List.of(), list.recipients());
        assertEquals(List.of("headline: must not be blank"), list.deadLetterReasons(1));
    }
}
