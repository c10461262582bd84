package dev.listwire.subscriptions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class UnsubscribeTest {

    private static final String ONE_CLICK = "List-Unsubscribe=One-Click";
    private final SubscriptionsApp app = new SubscriptionsApp();

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void oneClickPostUnsubscribesAtOnceAndAnswers200WithoutRedirectOrCookie() {
        app.prices.members().following("ada@example.com", List.of("NVDA"));

        HttpResponse<String> response =
                app.postForm("/unsubscribe/" + app.unsubscribeToken(app.prices, "ada@example.com"), ONE_CLICK);

        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Location").isEmpty());
        assertTrue(response.headers().firstValue("Set-Cookie").isEmpty());
        assertTrue(response.body().contains("You are unsubscribed"));
        var item = app.item(app.prices, "ada@example.com");
        assertEquals("unsubscribed", item.get("status").s());
        assertTrue(item.containsKey("unsubscribedAt"));
        assertEquals(List.of("NVDA"), item.get("tickers").ss(), "the member's data stays");
    }

    @Test
    void aRepeatedPostIsHarmless() {
        app.prices.members().add("ada@example.com");
        String path = "/unsubscribe/" + app.unsubscribeToken(app.prices, "ada@example.com");
        app.postForm(path, ONE_CLICK);
        String firstLeft =
                app.item(app.prices, "ada@example.com").get("unsubscribedAt").s();

        HttpResponse<String> again = app.postForm(path, ONE_CLICK);

        assertEquals(200, again.statusCode());
        assertEquals(
                firstLeft,
                app.item(app.prices, "ada@example.com").get("unsubscribedAt").s());
    }

    @Test
    void acceptsTheOneClickFieldAsMultipartFormData() {
        app.prices.members().add("ada@example.com");
        String body =
                "--b0undary\r\nContent-Disposition: form-data; name=\"List-Unsubscribe\"\r\n\r\nOne-Click\r\n--b0undary--\r\n";

        HttpResponse<String> response = app.post(
                "/unsubscribe/" + app.unsubscribeToken(app.prices, "ada@example.com"),
                "multipart/form-data; boundary=b0undary",
                body);

        assertEquals(200, response.statusCode());
        assertEquals(
                "unsubscribed",
                app.item(app.prices, "ada@example.com").get("status").s());
    }

    @Test
    void getShowsOneButtonThatPostsAndChangesNothing() {
        app.prices.members().add("ada@example.com");
        String path = "/unsubscribe/" + app.unsubscribeToken(app.prices, "ada@example.com");

        HttpResponse<String> page = app.get(path);

        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<form method=\"post\" action=\"" + path + "\">"));
        assertTrue(page.body().contains("name=\"List-Unsubscribe\" value=\"One-Click\""));
        assertEquals(1, page.body().split("<button", -1).length - 1, "one button");
        assertEquals(Map.of("email", "ada@example.com"), plain(app.item(app.prices, "ada@example.com")));
    }

    @Test
    void aPostWithoutTheOneClickFieldChangesNothing() {
        app.prices.members().add("ada@example.com");
        String path = "/unsubscribe/" + app.unsubscribeToken(app.prices, "ada@example.com");

        for (String body : new String[] {"", "List-Unsubscribe=Yes", "Unsubscribe=One-Click", "List-Unsubscribe="}) {
            HttpResponse<String> response = app.postForm(path, body);
            assertEquals(400, response.statusCode(), body);
            assertTrue(response.body().contains("Nothing was changed"), body);
        }
        assertFalse(app.item(app.prices, "ada@example.com").containsKey("status"));
    }

    @Test
    void badTokensGet403AndChangeNothing() {
        app.prices.members().add("ada@example.com");
        String good = app.unsubscribeToken(app.prices, "ada@example.com");

        for (String bad : BadTokens.of(
                good, app.unsubscribeToken(app.prices, "eve@example.com"), app.preferencesToken("ada@example.com"))) {
            HttpResponse<String> post = app.postForm("/unsubscribe/" + bad, ONE_CLICK);
            HttpResponse<String> get = app.get("/unsubscribe/" + bad);
            assertEquals(403, post.statusCode(), bad);
            assertEquals(403, get.statusCode(), bad);
            assertTrue(post.body().contains("This link does not work"), bad);
        }
        assertFalse(app.item(app.prices, "ada@example.com").containsKey("status"));
    }

    @Test
    void aTransactionalListCannotBeLeft() {
        app.account.members().add("ada@example.com");

        HttpResponse<String> response =
                app.postForm("/unsubscribe/" + app.unsubscribeToken(app.account, "ada@example.com"), ONE_CLICK);

        assertEquals(409, response.statusCode());
        assertTrue(response.body().contains("Account notices cannot be left"));
        assertFalse(app.item(app.account, "ada@example.com").containsKey("status"));
    }

    @Test
    void aLinkToAListThatNoLongerExistsSaysSo() {
        String token = app.context
                .getBean(dev.listwire.common.links.LinkSigner.class)
                .sign(dev.listwire.common.links.LinkPurpose.UNSUBSCRIBE, "retired-list", "ada@example.com");

        HttpResponse<String> response = app.postForm("/unsubscribe/" + token, ONE_CLICK);

        assertEquals(404, response.statusCode());
        assertTrue(response.body().contains("This list no longer exists"));
    }

    @Test
    void theUnsubscribePagesHandOutNoPreferencesTokenButOfferTheLinkForm() {
        app.prices.members().add("ada@example.com");
        String path = "/unsubscribe/" + app.unsubscribeToken(app.prices, "ada@example.com");

        for (HttpResponse<String> page : List.of(app.get(path), app.postForm(path, ONE_CLICK))) {
            assertEquals(200, page.statusCode());
            assertFalse(page.body().contains("/preferences/"), "no token to every list's choices:\n" + page.body());
            assertTrue(page.body().contains("href=\"/preferences\""), page.body());
        }
        HttpResponse<String> form = app.get("/preferences");
        assertTrue(form.body().contains("Email me a link"));
    }

    private static Map<String, String> plain(
            Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> item) {
        Map<String, String> plain = new java.util.HashMap<>();
        item.forEach((k, v) -> plain.put(k, v.s()));
        return plain;
    }
}
