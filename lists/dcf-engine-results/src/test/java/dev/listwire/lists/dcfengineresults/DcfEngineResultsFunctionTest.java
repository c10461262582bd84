package dev.listwire.lists.dcfengineresults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import dev.listwire.testkit.Inbox;
import dev.listwire.testkit.ListUnderTest;
import dev.listwire.testkit.SqsEvents;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class DcfEngineResultsFunctionTest {

    @RegisterExtension
    final ListUnderTest<DcfEngineResultsFunction> list = ListUnderTest.of(DcfEngineResultsFunction::new);

    @Test
    void sendsTheResultToEverySubscribedMember() throws Exception {
        list.members()
                .add("ada@example.com", Map.of("name", AttributeValue.fromS("Ada")))
                .add("grace@example.com")
                .unsubscribed("gone@example.com");

        SQSBatchResponse response = list.handle(SqsEvents.fromResource("events/aapl.json"));

        assertTrue(response.getBatchItemFailures().isEmpty());
        assertEquals(List.of("ada@example.com", "grace@example.com"), list.recipients());
        MimeMessage email = list.inbox().to("ada@example.com").get(0);
        assertEquals("Apple Inc. (AAPL): fair value 212.40 vs price 189.95", email.getSubject());
        assertEquals("listwire Research <research@listwire.dev>", Inbox.header(email, "From"));
        assertEquals("\"DCF Engine results\" <dcf-engine-results.listwire.dev>", Inbox.header(email, "List-Id"));
        assertTrue(Inbox.header(email, "List-Unsubscribe").startsWith("<https://prefs.listwire.test/unsubscribe/"));
        String html = Inbox.part(email, "text/html");
        assertTrue(html.contains("Hello Ada,"), html);
        assertTrue(html.contains("<a href=\"https://example.com/r/aapl\""), html);
        assertTrue(html.contains("11.8%"), html);
        String text = Inbox.part(email, "text/plain");
        assertTrue(text.contains("Fair value: 212.40"), text);
        assertTrue(text.contains("Full report: https://example.com/r/aapl"), text);
    }

    @Test
    void rendersAResultWithOnlyTheRequiredFieldsAndIgnoresFieldsItDoesNotKnow() throws Exception {
        list.members().add("ada@example.com");

        list.handle(SqsEvents.ofBody(
                "m-1", "{\"ticker\":\"MSFT\",\"fairValue\":400,\"price\":420.5,\"engineVersion\":\"7.2\"}"));

        MimeMessage email = list.inbox().to("ada@example.com").get(0);
        assertEquals("MSFT: fair value 400 vs price 420.5", email.getSubject());
        assertTrue(!Inbox.part(email, "text/html").contains("Read the full report"));
    }

    @Test
    void rejectsAResultWithoutTickerOrWithAScriptLink() {
        list.members().add("ada@example.com");

        SQSBatchResponse response = list.handle(SqsEvents.batch(
                "no-ticker", "{\"fairValue\":1,\"price\":1}",
                "script-link", "{\"ticker\":\"X\",\"fairValue\":1,\"price\":1,\"reportUrl\":\"javascript:alert(1)\"}"));

        assertTrue(response.getBatchItemFailures().isEmpty(), "both go to the DLQ, neither is retried");
        assertTrue(list.inbox().all().isEmpty());
        assertEquals(
                List.of("reportUrl: must be an https:// URL", "ticker: must not be blank"), list.deadLetterReasons(2));
    }
}
