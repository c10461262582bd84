package dev.listwire.subscriptions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.listwire.common.suppression.SuppressionCause;
import dev.listwire.common.suppression.SuppressionList;
import dev.listwire.common.suppression.SuppressionReason;
import dev.listwire.testkit.LogCapture;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class PreferencesTest {

    private static final String ADA = "ada@example.com";
    private final SubscriptionsApp app = new SubscriptionsApp();
    private final String page = "/preferences/" + app.preferencesToken(ADA);

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void listsEveryListWithItsTitleDescriptionAndTheMembersState() {
        app.prices.members().add(ADA);
        app.digest.members().unsubscribed(ADA);
        app.account.members().add(ADA);

        HttpResponse<String> response = app.get(page);

        assertEquals(200, response.statusCode());
        String html = response.body();
        assertTrue(html.contains("<html lang=\"en\">"));
        assertTrue(html.contains(ADA));
        assertEquals("Subscribed", Html.state(html, "price-alerts"));
        assertEquals("Not subscribed", Html.state(html, "weekly-digest"));
        assertEquals("Always sent", Html.state(html, "account-notices"));
        assertTrue(html.contains("A message when a stock you follow crosses your price."));
        assertTrue(html.contains("Markets &amp; &lt;b&gt;more&lt;/b&gt;, every Friday."), "manifest text is escaped");
        assertTrue(html.contains("action=\"" + page + "/lists/price-alerts/leave\""));
        assertTrue(html.contains("action=\"" + page + "/lists/weekly-digest/join\""));
        assertFalse(html.contains("/lists/account-notices/"), "a transactional list has no control");
        assertTrue(html.contains("action=\"" + page + "/leave-all\""));
    }

    @Test
    void anAddressOnNoListCanJoinAny() {
        String html = app.get(page).body();

        assertEquals("Not subscribed", Html.state(html, "price-alerts"));
        assertEquals("Not on this list", Html.state(html, "account-notices"));
        assertFalse(html.contains("/leave-all"), "nothing to leave");
    }

    @Test
    void leavingMarksTheItemAndComesBackToThePageWithANotice() {
        app.prices.members().following(ADA, List.of("NVDA"));

        HttpResponse<String> response = app.postForm(page + "/lists/price-alerts/leave", "");

        assertEquals(303, response.statusCode());
        var item = app.item(app.prices, ADA);
        assertEquals("unsubscribed", item.get("status").s());
        assertTrue(item.containsKey("unsubscribedAt"));
        assertEquals(List.of("NVDA"), item.get("tickers").ss());
        String after =
                app.get(response.headers().firstValue("Location").orElseThrow()).body();
        assertTrue(after.contains("role=\"status\">You left Price alerts."));
        assertEquals("Not subscribed", Html.state(after, "price-alerts"));
    }

    @Test
    void joiningAddsTheAddressAndRejoiningAfterLeavingWorks() {
        HttpResponse<String> joined = app.postForm(page + "/lists/weekly-digest/join", "");
        assertEquals(303, joined.statusCode());
        assertTrue(app.item(app.digest, ADA).containsKey("subscribedAt"));

        app.postForm(page + "/lists/weekly-digest/leave", "");
        assertEquals("unsubscribed", app.item(app.digest, ADA).get("status").s());

        app.postForm(page + "/lists/weekly-digest/join", "");
        assertFalse(app.item(app.digest, ADA).containsKey("status"));
        assertEquals("Subscribed", Html.state(app.get(page).body(), "weekly-digest"));
    }

    @Test
    void joiningThroughTheSignedLinkTakesTheAddressOffTheSuppressionListAndTheLogSaysSo() {
        SuppressionList suppressions = app.context.getBean(SuppressionList.class);
        suppressions.suppress(ADA, SuppressionCause.refused("550 5.1.1 user unknown", "price-alerts", "e-1"));

        try (LogCapture logs = new LogCapture()) {
            app.postForm(page + "/lists/weekly-digest/join", "");

            Map<String, Object> line = logs.lines("membership-changed").get(0);
            assertEquals("join", line.get("action"));
            assertEquals(true, line.get("unsuppressed"));
        }
        assertTrue(suppressed(ADA).isEmpty(), "the link reached the mailbox: the address works");
    }

    @Test
    void leavingLeavesTheSuppressionListAsItIs() {
        app.prices.members().add(ADA);
        app.context
                .getBean(SuppressionList.class)
                .suppress(ADA, SuppressionCause.manual(SuppressionReason.COMPLAINT, "marked as spam"));

        app.postForm(page + "/lists/price-alerts/leave", "");
        app.postForm(page + "/leave-all", "");

        assertEquals("complaint", suppressed(ADA).get("reason").s());
    }

    @Test
    void leaveAllLeavesEveryListThatCanBeLeftAndNoOther() {
        app.prices.members().add(ADA);
        app.digest.members().add(ADA);
        app.account.members().add(ADA);

        HttpResponse<String> response = app.postForm(page + "/leave-all", "");

        assertEquals(303, response.statusCode());
        assertEquals("unsubscribed", app.item(app.prices, ADA).get("status").s());
        assertEquals("unsubscribed", app.item(app.digest, ADA).get("status").s());
        assertFalse(app.item(app.account, ADA).containsKey("status"), "transactional lists stay");
        assertTrue(app.get(response.headers().firstValue("Location").orElseThrow())
                .body()
                .contains("You left all lists."));
    }

    @Test
    void leaveAllWritesNothingOnListsTheAddressIsNotOn() {
        app.prices.members().add(ADA);

        app.postForm(page + "/leave-all", "");

        assertTrue(app.item(app.digest, ADA).isEmpty());
    }

    @Test
    void aTransactionalListCanBeNeitherLeftNorJoined() {
        app.account.members().add(ADA);

        assertEquals(
                409, app.postForm(page + "/lists/account-notices/leave", "").statusCode());
        assertEquals(409, app.postForm(page + "/lists/account-notices/join", "").statusCode());
        assertFalse(app.item(app.account, ADA).containsKey("status"));
    }

    @Test
    void anUnknownListIs404AndChangesNothing() {
        HttpResponse<String> response = app.postForm(page + "/lists/no-such-list/join", "");

        assertEquals(404, response.statusCode());
        assertTrue(response.body().contains("This list no longer exists"));
    }

    @Test
    void badTokensGet403OnEveryRouteAndChangeNothing() {
        app.prices.members().add(ADA);
        String good = app.preferencesToken(ADA);
        var signer = app.context.getBean(dev.listwire.common.links.LinkSigner.class);
        String oneList = signer.sign(dev.listwire.common.links.LinkPurpose.PREFERENCES, "price-alerts", ADA);

        List<String> bad = new java.util.ArrayList<>(
                BadTokens.of(good, app.preferencesToken("eve@example.com"), app.unsubscribeToken(app.prices, ADA)));
        bad.add(oneList); // genuine, but not scoped to every list as the emails' footers are
        for (String token : bad) {
            assertEquals(403, app.get("/preferences/" + token).statusCode(), token);
            assertEquals(
                    403,
                    app.postForm("/preferences/" + token + "/lists/price-alerts/leave", "")
                            .statusCode(),
                    token);
            assertEquals(
                    403,
                    app.postForm("/preferences/" + token + "/lists/weekly-digest/join", "")
                            .statusCode(),
                    token);
            assertEquals(
                    403,
                    app.postForm("/preferences/" + token + "/leave-all", "").statusCode(),
                    token);
        }
        assertFalse(app.item(app.prices, ADA).containsKey("status"));
        assertTrue(app.item(app.digest, ADA).isEmpty());
    }

    @Test
    void aNoticeThatNamesNoListShowsNothing() {
        String html = app.get(page + "?left=%3Cscript%3E&joined=nope").body();

        assertFalse(html.contains("role=\"status\""));
        assertFalse(html.contains("<script>"));
    }

    @Test
    void aFormPostedAsJsonIsRefusedWithAPage() {
        HttpResponse<String> response = app.post(page + "/lists/weekly-digest/join", "application/json", "{}");

        assertEquals(415, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
        assertTrue(response.body().contains("This request could not be handled"));
        assertTrue(app.item(app.digest, ADA).isEmpty());
    }

    private Map<String, AttributeValue> suppressed(String email) {
        return app.prices
                .stack()
                .dynamoDb()
                .getItem(b -> b.tableName(app.prices.suppressionTable())
                        .key(Map.of("email", AttributeValue.fromS(email)))
                        .consistentRead(true))
                .item();
    }
}
