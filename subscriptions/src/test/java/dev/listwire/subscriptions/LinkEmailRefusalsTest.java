package dev.listwire.subscriptions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.listwire.testkit.LogCapture;
import dev.listwire.testkit.smtp.Phase;
import dev.listwire.testkit.smtp.ScriptedSmtpServer;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The link email against the refusals GreenMail cannot make, on the test kit's scripted SMTP server: one the
 * classifier puts on the account (which {@code SmtpConnection#send} throws) and one for the address for good
 * (which it returns as rejected).
 */
class LinkEmailRefusalsTest {

    private final ScriptedSmtpServer smtp = ScriptedSmtpServer.start();
    private final SubscriptionsApp app = new SubscriptionsApp(Map.of("listwire.smtp.port", smtp.port()));

    @AfterEach
    void stop() {
        app.close();
        smtp.close();
    }

    @Test
    void theAccountsRefusalIs503AndGivesBackTheSendAndTheAddresssCount() {
        smtp.script().at(Phase.MAIL_FROM, "550 5.4.5 Daily user sending quota exceeded.");
        try (LogCapture logs = new LogCapture()) {
            assertEquals(
                    503, app.postForm("/preferences", "email=ada%40example.com").statusCode());

            Map<String, Object> line = logs.lines("preferences-link-failed").get(0);
            assertTrue(String.valueOf(line.get("error")).startsWith("550 5.4.5"), line.toString());
        }
        assertEquals(0, sent(), "the account counts no send for the refused email");

        smtp.script().clear();
        for (int i = 0; i < 3; i++) {
            assertEquals(
                    200, app.postForm("/preferences", "email=ada%40example.com").statusCode(), "request " + i);
        }
        assertEquals(3, smtp.accepted("ada@example.com").size(), "the refused request used none of the three");
        assertEquals(3, sent());
    }

    @Test
    void anAddressRefusedForGoodIsToldTheLinkWasSentAndTheLogHasTheReply() {
        smtp.script().at(Phase.RCPT_TO, "550 5.1.1 The email account that you tried to reach does not exist.");
        try (LogCapture logs = new LogCapture()) {
            HttpResponse<String> response = app.postForm("/preferences", "email=nobody%40example.com");

            // The same page as for a delivered link: the form must not tell whether an address exists.
            assertEquals(200, response.statusCode());
            assertTrue(response.body().contains("Check your inbox"), response.body());
            Map<String, Object> line = logs.lines("preferences-link-rejected").get(0);
            assertTrue(String.valueOf(line.get("smtpReply")).startsWith("550 5.1.1"), line.toString());
        }
        assertEquals(0, smtp.accepted().size());
    }

    private long sent() {
        return app.prices.stack().dynamoDb().scan(b -> b.tableName(app.prices.sendingTable())).items().stream()
                .filter(item -> item.containsKey("sent"))
                .mapToLong(item -> Long.parseLong(item.get("sent").n()))
                .sum();
    }
}
