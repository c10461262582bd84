package dev.listwire.lists.stockmovementalerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import dev.listwire.testkit.Inbox;
import dev.listwire.testkit.ListUnderTest;
import dev.listwire.testkit.SqsEvents;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class StockMovementAlertsFunctionTest {

    @RegisterExtension
    final ListUnderTest<StockMovementAlertsFunction> list = ListUnderTest.of(StockMovementAlertsFunction::new);

    @Test
    void sendsAnAlertOnlyToMembersWhoFollowTheTickerOrFollowEverything() throws Exception {
        list.members()
                .following("nvda-fan@example.com", List.of("NVDA", "AMD"))
                .following("apple-only@example.com", List.of("AAPL"))
                .add("everything@example.com")
                .unsubscribed("gone@example.com");

        SQSBatchResponse response = list.handle(SqsEvents.fromResource("events/nvda-drop.json"));

        assertTrue(response.getBatchItemFailures().isEmpty());
        assertEquals(List.of("everything@example.com", "nvda-fan@example.com"), list.recipients());
        MimeMessage email = list.inbox().to("nvda-fan@example.com").get(0);
        assertEquals("NVDA down -7.4% (1d): now 131.20", email.getSubject());
        assertTrue(Inbox.part(email, "text/plain").contains("NVDA moved -7.4% over 1d and now trades at 131.20."));
        assertTrue(Inbox.part(email, "text/html").contains("color:#b42318;"), "a drop is shown in red");
        assertTrue(Inbox.header(email, "List-Unsubscribe").startsWith("<https://prefs.listwire.test/unsubscribe/"));
    }

    @Test
    void matchesTickersRegardlessOfCase() {
        list.members().following("lower@example.com", List.of("nvda"));

        list.handle(SqsEvents.ofBody("m-1", "{\"ticker\":\"NVDA\",\"price\":131.2,\"changePct\":3.1}"));

        assertEquals(1, list.inbox().to("lower@example.com").size());
    }

    @Test
    void rejectsAnAlertWithoutChangePct() {
        list.members().add("ada@example.com");

        SQSBatchResponse response = list.handle(SqsEvents.ofBody("m-1", "{\"ticker\":\"NVDA\",\"price\":131.2}"));

        assertTrue(response.getBatchItemFailures().isEmpty());
        assertTrue(list.inbox().all().isEmpty());
        assertEquals(List.of("changePct: must not be null"), list.deadLetterReasons(1));
    }
}
