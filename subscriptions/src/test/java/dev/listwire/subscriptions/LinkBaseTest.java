package dev.listwire.subscriptions;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.listwire.testkit.Inbox;
import dev.listwire.testkit.ListFixture;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Where the "email me a link" email points. Deployed, the function is not told its own URL (Terraform
 * cannot: a cycle), so without {@code listwire.links.base-url} the link is built from the function URL the
 * request came to; a configured base URL (a custom domain) always wins over the request's Host.
 */
class LinkBaseTest {

    private static final Pattern LINK = Pattern.compile("(\\S+)/preferences/[A-Za-z0-9_\\-]+\\.[A-Za-z0-9_\\-]+\\.[A-Za-z0-9_\\-]+");

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

        APIGatewayV2HTTPResponse response = function.handleRequest(FunctionUrlEvents.event("link-request-post.json", ""), null);

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
    void withoutABaseUrlAHostThatIsNoFunctionUrlGetsNoEmailAndUsesNoShareOfTheLimit() {
        start("");
        APIGatewayV2HTTPEvent forged = FunctionUrlEvents.withHost("link-request-post.json", "prefs.attacker.example");

        APIGatewayV2HTTPResponse response = function.handleRequest(forged, null);

        assertTrue(response.getStatusCode() >= 500, "status " + response.getStatusCode());
        assertTrue(new Inbox(alerts.mail()).all().isEmpty(), "no link to another site is mailed");
        for (int i = 0; i < 3; i++) {
            assertEquals(200, function.handleRequest(FunctionUrlEvents.event("link-request-post.json", ""), null).getStatusCode());
        }
    }

    @Test
    void onThisMachineTheLinkLeadsBackToTheServerThatWasAsked() {
        app = new SubscriptionsApp(Map.of("listwire.links.base-url", ""));

        assertEquals(200, app.postForm("/preferences", "email=ada%40example.com").statusCode());

        MimeMessage email = app.inbox.to("ada@example.com").get(0);
        assertEquals("http://127.0.0.1:" + app.server.getPort(), base(email));
        HttpResponse<String> preferences = app.get(LinkRequestTest.Links.preferencesPath(text(email)));
        assertEquals(200, preferences.statusCode());
    }

    @Test
    void onlyAFunctionUrlOrThisMachineIsTrustedAsTheHost() {
        assertEquals("https://abc123.lambda-url.eu-west-1.on.aws", LinkBase.fromHost("ABC123.lambda-url.eu-west-1.on.aws"));
        assertEquals("http://localhost:8080", LinkBase.fromHost("localhost:8080"));
        for (String host : new String[] {null, "", "prefs.example.com", "abc.lambda-url.us-east-1.on.aws.attacker.example",
                "abc.lambda-url.us-east-1.on.aws:8443", "localhost.attacker.example", "abc.lambda-url.us-east-1.on.aws/x"}) {
            assertThrows(IllegalStateException.class, () -> LinkBase.fromHost(host), String.valueOf(host));
        }
    }

    private void start(String baseUrl) {
        alerts = ListFixture.forManifest("classpath:listwire-lists/stock-movement-alerts/list.json");
        function = new SubscriptionsFunction(alerts.property("listwire.links.base-url", baseUrl)
                .property("listwire.subscriptions.tables.stock-movement-alerts", alerts.members().table())
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
