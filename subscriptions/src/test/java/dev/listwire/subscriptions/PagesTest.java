package dev.listwire.subscriptions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What every page carries, the style sheet, and the pages for requests no route answers. */
class PagesTest {

    private final SubscriptionsApp app = new SubscriptionsApp();

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void pagesAreNotCachedKeepTheTokenOnThisSiteAndCannotBeFramed() {
        HttpResponse<String> page = app.get("/preferences/" + app.preferencesToken("ada@example.com"));

        assertEquals("no-store", header(page, "Cache-Control"));
        assertEquals("same-origin", header(page, "Referrer-Policy"));
        assertEquals("DENY", header(page, "X-Frame-Options"));
        assertEquals("nosniff", header(page, "X-Content-Type-Options"));
        assertTrue(header(page, "Content-Security-Policy").contains("frame-ancestors 'none'"));
        assertTrue(header(page, "Content-Security-Policy").contains("default-src 'none'"), "no script may run");
        assertFalse(page.body().contains("<script"));
    }

    @Test
    void errorPagesCarryTheSameHeaders() {
        HttpResponse<String> forbidden = app.get("/preferences/forged");

        assertEquals(403, forbidden.statusCode());
        assertEquals("no-store", header(forbidden, "Cache-Control"));
        assertTrue(forbidden
                .body()
                .contains("<a class=\"button button-primary\" href=\"/preferences\">Email me a new link</a>"));
    }

    @Test
    void servesTheOneStyleSheetWithACacheLifetime() {
        HttpResponse<String> css = app.get("/assets/subscriptions.css");

        assertEquals(200, css.statusCode());
        assertTrue(header(css, "Content-Type").startsWith("text/css"));
        assertEquals("public, max-age=3600", header(css, "Cache-Control"));
        assertTrue(css.body().contains(":focus-visible"), "a visible focus ring");
    }

    @Test
    void anUnknownAddressOrMethodGetsAPageNotAStackTrace() {
        HttpResponse<String> missing = app.get("/preferences/a/b/c/d");
        HttpResponse<String> wrongMethod = app.post(
                "/preferences/" + app.preferencesToken("ada@example.com"), "application/x-www-form-urlencoded", "");

        assertEquals(404, missing.statusCode());
        assertTrue(missing.body().contains("Page not found"));
        assertEquals(405, wrongMethod.statusCode());
        assertTrue(wrongMethod.body().contains("This request could not be handled"));
        assertFalse(wrongMethod.body().contains("Exception"));
    }

    @Test
    void aFailureOnOurSideIsAPageThatSaysNothingChanged() {
        try (SubscriptionsApp broken =
                new SubscriptionsApp(Map.of("listwire.subscriptions.tables.price-alerts", "no-such-table"))) {
            HttpResponse<String> page = broken.get("/preferences/" + broken.preferencesToken("ada@example.com"));

            assertEquals(500, page.statusCode());
            assertTrue(page.body().contains("Something went wrong on our side"));
            assertTrue(page.body().contains("Nothing was changed."));
            assertFalse(page.body().contains("Exception"));
            assertFalse(page.body().contains("no-such-table"), "no internals");
        }
    }

    @Test
    void theRootLeadsToTheLinkFormUnlessTheServerHasAPageThere() {
        assertEquals("/preferences", header(app.get("/"), "Location"));
        try (SubscriptionsApp shared = new SubscriptionsApp(Map.of("listwire.subscriptions.root-redirect", false))) {
            assertEquals(404, shared.get("/").statusCode());
        }
    }

    private static String header(HttpResponse<String> response, String name) {
        return response.headers().firstValue(name).orElseThrow(() -> new AssertionError("no " + name + " header"));
    }
}
