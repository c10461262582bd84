package dev.listwire.subscriptions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.listwire.testkit.Inbox;
import dev.listwire.testkit.LogCapture;
import jakarta.mail.internet.MimeMessage;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LinkRequestTest {

    private final SubscriptionsApp app = new SubscriptionsApp();

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void theFormHasALabelledEmailField() {
        HttpResponse<String> form = app.get("/preferences");

        assertEquals(200, form.statusCode());
        assertTrue(form.body().contains("<label for=\"email\">Email address</label>"));
        assertTrue(form.body().contains("<input id=\"email\" name=\"email\" type=\"email\" autocomplete=\"email\""));
    }

    @Test
    void emailsASignedLinkThatOpensTheAddresssPreferences() throws Exception {
        app.prices.members().add("ada@example.com");

        HttpResponse<String> response = app.postForm("/preferences", "email=" + encode("  Ada@Example.com "));

        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("Check your inbox"));
        MimeMessage email = single("ada@example.com");
        assertEquals("Your link to manage your email preferences", email.getSubject());
        assertNull(Inbox.header(email, "List-Unsubscribe"), "a requested link is not a list email");
        assertNull(Inbox.header(email, "X-Listwire-Delivery"), "nor of any event: no delivery to report on");
        String link = Links.preferencesPath(Inbox.part(email, "text/plain"));
        assertEquals(link, Links.preferencesPath(Inbox.part(email, "text/html")));
        HttpResponse<String> preferences = app.get(link);
        assertEquals(200, preferences.statusCode());
        assertEquals("Subscribed", Html.state(preferences.body(), "price-alerts"));
    }

    @Test
    void theAnswerIsTheSameWhetherOrNotTheAddressIsKnown() {
        app.prices.members().add("known@example.com");

        HttpResponse<String> known = app.postForm("/preferences", "email=known%40example.com");
        HttpResponse<String> unknown = app.postForm("/preferences", "email=stranger%40example.com");

        assertEquals(known.statusCode(), unknown.statusCode());
        assertEquals(known.body().replace("known@", "X@"), unknown.body().replace("stranger@", "X@"));
        assertEquals(1, app.inbox.to("known@example.com").size());
        assertEquals(1, app.inbox.to("stranger@example.com").size(), "a newcomer's link lets them join");
    }

    @Test
    void refusesWhatIsNotOneAddressWithTheFieldMarkedAndNoEmail() {
        for (String body : List.of(
                "",
                "email=",
                "email=%20",
                "email=ada",
                "email=ada%40",
                "email=%40example.com",
                "email=" + encode("ada@example.com, eve@example.com"),
                "email=" + encode("ada@example.com\r\nBcc: eve@example.com"),
                "email=" + encode("Ada <ada@example.com>"),
                "email=" + "a".repeat(250) + "%40example.com",
                "name=ada%40example.com")) {
            HttpResponse<String> response = app.postForm("/preferences", body);
            assertEquals(400, response.statusCode(), body);
            assertTrue(response.body().contains("aria-invalid=\"true\" aria-describedby=\"email-error\""), body);
            assertTrue(response.body().contains("<title>Error: "), body);
        }
        assertTrue(app.inbox.all().isEmpty());
    }

    @Test
    void refusesAQuotedLocalPartSayingWhy() {
        HttpResponse<String> response =
                app.postForm("/preferences", "email=" + encode("\"Call 555 0100\"@catch-all.example"));

        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains("quoted local parts"), response.body());
        assertTrue(app.inbox.all().isEmpty(), "no email carries the stranger's words");
    }

    @Test
    void keepsWhatWasEnteredEscaped() {
        HttpResponse<String> response = app.postForm("/preferences", "email=" + encode("\"><script>x</script>"));

        assertTrue(response.body().contains("value=\"&quot;&gt;&lt;script&gt;x&lt;/script&gt;\""));
        assertFalse(response.body().contains("<script>"));
    }

    @Test
    void limitsRequestsPerAddressAndHour() {
        for (int i = 0; i < 3; i++) {
            assertEquals(
                    200, app.postForm("/preferences", "email=ada%40example.com").statusCode());
        }

        HttpResponse<String> fourth = app.postForm("/preferences", "email=ADA%40example.com");

        assertEquals(429, fourth.statusCode());
        assertTrue(fourth.body().contains("Please wait before asking again"));
        assertEquals(3, app.inbox.to("ada@example.com").size());
        assertEquals(
                200, app.postForm("/preferences", "email=eve%40example.com").statusCode(), "per address");
    }

    @Test
    void overACapThePageSaysOnlyTooManyWithRetryAfterAndTheLogNamesTheCap() {
        try (LogCapture logs = new LogCapture()) {
            for (int i = 0; i < 3; i++) {
                app.postForm("/preferences", "email=ada%40example.com");
            }

            HttpResponse<String> refused = app.postForm("/preferences", "email=ada%40example.com");

            assertEquals(429, refused.statusCode());
            long retryAfter =
                    Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
            assertTrue(retryAfter >= 1 && retryAfter <= 3600, "until the hour's counts are over: " + retryAfter);
            assertTrue(refused.body().contains("There have been too many requests for links"), refused.body());
            assertFalse(refused.body().contains("this address"), "which cap it was is the log's alone");
            Map<String, Object> line = logs.lines("link-request-refused").get(0);
            assertEquals("address", line.get("cap"));
            assertEquals((int) retryAfter, ((Number) line.get("retryAfterSeconds")).intValue());
        }
    }

    @Test
    void variantsOfOneGmailMailboxShareItsCount() {
        for (String variant : List.of("a%2B1%40gmail.com", "a.%2B2%40gmail.com", "A%40googlemail.com")) {
            assertEquals(200, app.postForm("/preferences", "email=" + variant).statusCode(), variant);
        }

        assertEquals(
                429, app.postForm("/preferences", "email=a%2B3%40gmail.com").statusCode());
        assertEquals(3, app.inbox.all().size());
    }

    @Test
    void aClientIsItsSocketsAddressWhateverXForwardedForSays() {
        try (SubscriptionsApp capped =
                new SubscriptionsApp(Map.of("listwire.subscriptions.link-caps.per-client-per-hour", 2))) {
            for (int i = 0; i < 2; i++) {
                assertEquals(
                        200,
                        capped.postForm("/preferences", "email=user" + i + "%40example.com", "203.0.113." + i)
                                .statusCode());
            }

            HttpResponse<String> third = capped.postForm("/preferences", "email=user3%40example.com", "203.0.113.3");

            assertEquals(429, third.statusCode(), "a new X-Forwarded-For is not a new client");
            assertEquals(2, capped.inbox.all().size());
        }
    }

    @Test
    void aSendThatFailedGivesBackTheAddresssCountAndTheAccountsSend() {
        app.prices.mail().failAfter(0);
        assertEquals(
                503, app.postForm("/preferences", "email=ada%40example.com").statusCode());
        app.prices.mail().heal();

        for (int i = 0; i < 3; i++) {
            assertEquals(
                    200, app.postForm("/preferences", "email=ada%40example.com").statusCode());
        }
        assertEquals(3, app.inbox.to("ada@example.com").size(), "the failed request used none of the three");
        assertEquals(3, sent(), "the account counts the three sent, not the failed one");
    }

    @Test
    void saysSoWhenTheMailServerCannotTakeTheEmail() {
        app.prices.mail().failAfter(0);

        HttpResponse<String> response = app.postForm("/preferences", "email=ada%40example.com");

        assertEquals(503, response.statusCode());
        assertTrue(response.body().contains("We could not send the email just now"));
    }

    private long sent() {
        return app.prices.stack().dynamoDb().scan(b -> b.tableName(app.prices.sendingTable())).items().stream()
                .mapToLong(item -> Long.parseLong(item.get("sent").n()))
                .sum();
    }

    private MimeMessage single(String to) {
        List<MimeMessage> emails = app.inbox.to(to);
        assertEquals(1, emails.size(), "emails to " + to);
        return emails.get(0);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** The preferences link in an email, as a path on this app. */
    static final class Links {
        private static final java.util.regex.Pattern LINK =
                java.util.regex.Pattern.compile("/preferences/[A-Za-z0-9_\\-]+\\.[A-Za-z0-9_\\-]+\\.[A-Za-z0-9_\\-]+");

        static String preferencesPath(String body) {
            var m = LINK.matcher(body);
            if (!m.find()) {
                throw new AssertionError("no preferences link in:\n" + body);
            }
            return m.group();
        }
    }
}
