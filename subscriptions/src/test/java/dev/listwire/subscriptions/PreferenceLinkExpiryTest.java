package dev.listwire.subscriptions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.listwire.common.links.LinkPurpose;
import dev.listwire.common.links.LinkSigner;
import dev.listwire.common.links.LinkToken;
import dev.listwire.common.links.Links;
import dev.listwire.testkit.Inbox;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The link the "email me a link" form sends was asked for by whoever typed the address, so it expires
 * (7 days unless configured); the links list emails carry (footer, List-Unsubscribe) do not.
 */
class PreferenceLinkExpiryTest {

    @Test
    void theEmailedLinkExpiresAfterSevenDaysByDefault() {
        try (SubscriptionsApp app = new SubscriptionsApp()) {
            assertEquals(Duration.ofDays(7), lifetimeOfTheEmailedLink(app), "within the test's own minute");
        }
    }

    @Test
    void theLifetimeIsConfigurable() {
        try (SubscriptionsApp app =
                new SubscriptionsApp(Map.of("listwire.subscriptions.links.preferences-lifetime", "2h"))) {
            assertEquals(Duration.ofHours(2), lifetimeOfTheEmailedLink(app));
        }
    }

    @Test
    void anExpiredPreferencesLinkGets403AndTheFooterLinksDoNotExpire() {
        try (SubscriptionsApp app = new SubscriptionsApp()) {
            app.prices.members().add("ada@example.com");
            LinkSigner signer = app.context.getBean(LinkSigner.class);
            String expired = signer.sign(
                    LinkPurpose.PREFERENCES,
                    Links.ALL_LISTS,
                    "ada@example.com",
                    Instant.now().minusSeconds(1));

            assertEquals(403, app.get("/preferences/" + expired).statusCode());
            assertEquals(
                    200,
                    app.get("/preferences/" + app.preferencesToken("ada@example.com"))
                            .statusCode());
            Links footer = new Links("https://prefs.example.com", signer);
            for (String link : new String[] {
                footer.preferences("ada@example.com"), footer.unsubscribe("price-alerts", "ada@example.com")
            }) {
                String token = link.substring(link.lastIndexOf('/') + 1);
                assertTrue(signer.verify(token).orElseThrow().expires().isEmpty(), link);
            }
        }
    }

    /** The emailed link's lifetime, rounded to the minute (it was signed a moment before it is read). */
    private static Duration lifetimeOfTheEmailedLink(SubscriptionsApp app) {
        Instant asked = Instant.now();
        assertEquals(
                200, app.postForm("/preferences", "email=ada%40example.com").statusCode());
        String path = LinkRequestTest.Links.preferencesPath(
                Inbox.part(app.inbox.to("ada@example.com").get(0), "text/plain"));
        LinkToken grant = app.context
                .getBean(LinkSigner.class)
                .verify(path.substring("/preferences/".length()))
                .orElseThrow();
        Duration lifetime = Duration.between(asked, grant.expires().orElseThrow());
        return Duration.ofMinutes(Math.round(lifetime.getSeconds() / 60.0));
    }
}
