package dev.listwire.subscriptions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.listwire.testkit.Inbox;
import dev.listwire.testkit.ListFixture;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Where the "email me a link" email points. Deployed, the function is not told its own URL (Terraform
 * cannot: a cycle), so without {@code listwire.links.base-url} the link is built from the function URL the
 * request came to (as Lambda reports it, not as the Host header says); a configured base URL always wins.
 */
class LinkBaseTest {

    private static final Pattern LINK =
            Pattern.compile("(\\S+)/preferences/[A-Za-z0-9_\\-]+\\.[A-Za-z0-9_\\-]+\\.[A-Za-z0-9_\\-]+");

    private ListFixture alerts;
    private SubscriptionsFunction function;
    private SubscriptionsApp app;

    @AfterEach
    void tearDown() {
        if (function != null) {
            function.close();
        }
        if (app != null) {
            app.close();
        }
    }

    @Test
    void withoutABaseUrlTheLinkPointsAtTheFunctionUrlItWasAskedThrough() {
        start("");

        APIGatewayV2HTTPResponse response =
                function.handleRequest(FunctionUrlEvents.event("link-request-post.json", ""), null);

        assertEquals(200, response.getStatusCode(), response.getBody());
        assertEquals("https://" + FunctionUrlEvents.HOST, base(single()));
    }

    @Test
    void aConfiguredBaseUrlWinsOverTheRequestsHost() {
        start("https://prefs.example.com/");

        function.handleRequest(FunctionUrlEvents.event("link-request-post.json", ""), null);
        function.handleRequest(FunctionUrlEvents.withHost("link-request-post.json", "prefs.attacker.example"), null);

        List<MimeMessage> emails = new Inbox(alerts.mail()).to("ada@example.com");
        assertEquals(2, emails.size());
        for (MimeMessage email : emails) {
            assertEquals("https://prefs.example.com", base(email));
        }
    }

    @Test
    void aForgedHostHeaderIsIgnoredTheLinkUsesTheDomainLambdaReports() {
        start("");

        APIGatewayV2HTTPResponse response = function.handleRequest(
                FunctionUrlEvents.withHost("link-request-post.json", "prefs.attacker.example"), null);

        assertEquals(200, response.getStatusCode(), response.getBody());
        assertEquals("https://" + FunctionUrlEvents.HOST, base(single()));
    }

    @Test
    void withoutABaseUrlARequestFromNoFunctionUrlGetsNoEmailAndUsesNoShareOfTheLimit() {
        start("");
        APIGatewayV2HTTPEvent elsewhere = FunctionUrlEvents.event("link-request-post.json", "");
        elsewhere.getRequestContext().setDomainName("abc.execute-api.us-east-1.amazonaws.com");

        APIGatewayV2HTTPResponse response = function.handleRequest(elsewhere, null);

        assertTrue(response.getStatusCode() >= 500, "status " + response.getStatusCode());
        assertTrue(new Inbox(alerts.mail()).all().isEmpty(), "no link to another site is mailed");
        for (int i = 0; i < 3; i++) {
            assertEquals(
                    200,
                    function.handleRequest(FunctionUrlEvents.event("link-request-post.json", ""), null)
                            .getStatusCode());
        }
    }

    @Test
    void onTheDevstackTheLinkLeadsBackToTheServerThatWasAsked() {
        app = new SubscriptionsApp(
                Map.of("listwire.links.base-url", "", "listwire.subscriptions.links.localhost", true));

        assertEquals(
                200, app.postForm("/preferences", "email=ada%40example.com").statusCode());

        MimeMessage email = app.inbox.to("ada@example.com").get(0);
        assertEquals("http://127.0.0.1:" + app.server.getPort(), base(email));
        HttpResponse<String> preferences = app.get(LinkRequestTest.Links.preferencesPath(text(email)));
        assertEquals(200, preferences.statusCode());
    }

    @Test
    void byDefaultALocalhostRequestGetsNoLinkToLocalhost() {
        app = new SubscriptionsApp(Map.of("listwire.links.base-url", ""));

        assertTrue(app.postForm("/preferences", "email=ada%40example.com").statusCode() >= 500);
        assertTrue(app.inbox.to("ada@example.com").isEmpty(), "no plain-HTTP localhost link outside the devstack");
    }

    @Test
    void onlyAFunctionUrlOrThisMachineWhenAllowedIsTrustedAsTheLinksBase() {
        assertEquals(
                "https://abc123.lambda-url.eu-west-1.on.aws",
                LinkBase.fromFunctionUrl("ABC123.lambda-url.eu-west-1.on.aws"));
        assertEquals("http://localhost:8080", LinkBase.fromLocalHost("localhost:8080", true));
        assertThrows(IllegalStateException.class, () -> LinkBase.fromLocalHost("localhost:8080", false));
        for (String host : new String[] {
            null,
            "",
            "prefs.example.com",
            "abc.lambda-url.us-east-1.on.aws.attacker.example",
            "abc.lambda-url.us-east-1.on.aws:8443",
            "localhost.attacker.example",
            "abc.lambda-url.us-east-1.on.aws/x",
            "localhost"
        }) {
            assertThrows(IllegalStateException.class, () -> LinkBase.fromFunctionUrl(host), String.valueOf(host));
        }
        for (String host :
                new String[] {null, "", "prefs.example.com", "localhost.attacker.example", "127.0.0.1.nip.io"}) {
            assertThrows(IllegalStateException.class, () -> LinkBase.fromLocalHost(host, true), String.valueOf(host));
        }
    }

    private void start(String baseUrl) {
        alerts = ListFixture.forManifest("classpath:listwire-lists/stock-movement-alerts/list.json");
        function = new SubscriptionsFunction(alerts.property("listwire.links.base-url", baseUrl)
                .property(
                        "listwire.subscriptions.tables.stock-movement-alerts",
                        alerts.members().table())
                .context());
    }

    private MimeMessage single() {
        List<MimeMessage> emails = new Inbox(alerts.mail()).to("ada@example.com");
        assertEquals(1, emails.size());
        return emails.get(0);
    }

    /** The base URL of the preferences link in the email's text part (the HTML part carries the same link). */
    private static String base(MimeMessage email) {
        Matcher m = LINK.matcher(text(email));
        assertTrue(m.find(), "no preferences link");
        return m.group(1);
    }

    private static String text(MimeMessage email) {
        return Inbox.part(email, "text/plain");
    }
}
