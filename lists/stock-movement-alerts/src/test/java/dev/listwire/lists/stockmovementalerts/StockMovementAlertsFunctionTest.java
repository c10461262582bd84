package dev.listwire.lists.stockmovementalerts;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import dev.listwire.testkit.Inbox;
import dev.listwire.testkit.ListFixture;
import dev.listwire.testkit.SqsEvents;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StockMovementAlertsFunctionTest {

    private ListFixture list;
    private StockMovementAlertsFunction function;
    private Inbox inbox;

    @BeforeEach
    void setUp() {
        list = ListFixture.forList();
        function = new StockMovementAlertsFunction(list.context());
        inbox = new Inbox(list.mail());
    }

    @AfterEach
    void tearDown() {
        function.close();
    }

    @Test
    void sendsAnAlertOnlyToMembersWhoFollowTheTickerOrFollowEverything() throws Exception {
        list.members()
                .following("nvda-fan@example.com", List.of("NVDA", "AMD"))
                .following("apple-only@example.com", List.of("AAPL"))
                .add("everything@example.com")
                .unsubscribed("gone@example.com");

        SQSBatchResponse response = function.handleRequest(SqsEvents.fromResource("events/nvda-drop.json"), null);

        assertTrue(response.getBatchItemFailures().isEmpty());
        assertEquals(List.of("everything@example.com", "nvda-fan@example.com"),
                inbox.byRecipient().keySet().stream().sorted().toList());
        MimeMessage email = inbox.to("nvda-fan@example.com").get(0);
        assertEquals("NVDA down -7.4% (1d): now 131.20", email.getSubject());
        assertTrue(Inbox.part(email, "text/plain").contains("NVDA moved -7.4% over 1d and now trades at 131.20."));
        assertTrue(Inbox.part(email, "text/html").contains("color:#b42318;"), "a drop is shown in red");
        assertTrue(Inbox.header(email, "List-Unsubscribe").startsWith("<https://prefs.listwire.test/unsubscribe/"));
    }

    @Test
    void matchesTickersRegardlessOfCase() {
        list.members().following("lower@example.com", List.of("nvda"));

        function.handleRequest(SqsEvents.ofBody("m-1", "{\"ticker\":\"NVDA\",\"price\":131.2,\"changePct\":3.1}"), null);

        assertEquals(1, inbox.to("lower@example.com").size());
    }

    @Test
    void rejectsAnAlertWithoutChangePct() {
        list.members().add("ada@example.com");

        SQSBatchResponse response = function.handleRequest(SqsEvents.ofBody("m-1", "{\"ticker\":\"NVDA\",\"price\":131.2}"), null);

        assertTrue(response.getBatchItemFailures().isEmpty());
        assertTrue(inbox.all().isEmpty());
        var dead = SqsEvents.messages(list.stack().sqs(), list.dlqUrl(), 1);
        assertEquals("changePct: must not be null", dead.get(0).messageAttributes().get("listwire-error").stringValue());
    }
}
