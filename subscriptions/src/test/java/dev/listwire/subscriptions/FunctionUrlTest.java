package dev.listwire.subscriptions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.listwire.common.links.LinkPurpose;
import dev.listwire.common.links.LinkSigner;
import dev.listwire.common.links.Links;
import dev.listwire.testkit.ListFixture;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The Lambda handler behind the function URL, fed the events a function URL really sends (payload 2.0). */
class FunctionUrlTest {

    private ListFixture alerts;
    private SubscriptionsFunction function;
    private LinkSigner signer;

    @BeforeEach
    void setUp() {
        alerts = ListFixture.forManifest("classpath:listwire-lists/stock-movement-alerts/list.json");
        ListFixture research = ListFixture.forManifest("classpath:listwire-lists/dcf-engine-results/list.json");
        function = new SubscriptionsFunction(alerts.property(
                        "listwire.subscriptions.tables.stock-movement-alerts",
                        alerts.members().table())
                .property(
                        "listwire.subscriptions.tables.dcf-engine-results",
                        research.members().table())
                .context());
        signer = function.getApplicationContext().getBean(LinkSigner.class);
    }

    @AfterEach
    void tearDown() {
        function.close();
    }

    @Test
    void aOneClickPostThroughTheFunctionUrlUnsubscribes() {
        alerts.members().add("ada@example.com");
        String token = signer.sign(LinkPurpose.UNSUBSCRIBE, "stock-movement-alerts", "ada@example.com");

        APIGatewayV2HTTPResponse response =
                function.handleRequest(FunctionUrlEvents.event("one-click-post.json", token), null);

        assertEquals(200, response.getStatusCode());
        assertTrue(response.getBody().contains("You are unsubscribed"), response.getBody());
        assertFalse(response.getHeaders().containsKey("Location"));
        assertEquals("same-origin", response.getHeaders().get("Referrer-Policy"));
        assertEquals("unsubscribed", item("ada@example.com").get("status").s());
    }

    @Test
    void aOneClickPostSentAsMultipartFormDataUnsubscribesToo() {
        alerts.members().add("ada@example.com");
        String token = signer.sign(LinkPurpose.UNSUBSCRIBE, "stock-movement-alerts", "ada@example.com");

        APIGatewayV2HTTPResponse response =
                function.handleRequest(FunctionUrlEvents.event("one-click-post-multipart.json", token), null);

        assertEquals(200, response.getStatusCode());
        assertEquals("unsubscribed", item("ada@example.com").get("status").s());
    }

    @Test
    void aForgedTokenThroughTheFunctionUrlGets403AndChangesNothing() {
        alerts.members().add("ada@example.com");
        String token = signer.sign(LinkPurpose.UNSUBSCRIBE, "stock-movement-alerts", "eve@example.com");
        String[] parts = token.split("\\.");
        String forged = parts[0] + "."
                + signer.sign(LinkPurpose.UNSUBSCRIBE, "stock-movement-alerts", "ada@example.com")
                        .split("\\.")[1] + "." + parts[2];

        APIGatewayV2HTTPResponse response =
                function.handleRequest(FunctionUrlEvents.event("one-click-post.json", forged), null);

        assertEquals(403, response.getStatusCode());
        assertFalse(item("ada@example.com").containsKey("status"));
    }

    @Test
    void thePreferenceCenterRendersThroughTheFunctionUrl() {
        alerts.members().add("ada@example.com");
        String token = signer.sign(LinkPurpose.PREFERENCES, Links.ALL_LISTS, "ada@example.com");

        APIGatewayV2HTTPResponse response =
                function.handleRequest(FunctionUrlEvents.event("preferences-get.json", token), null);

        assertEquals(200, response.getStatusCode());
        assertTrue(response.getHeaders().get("Content-Type").startsWith("text/html"));
        assertEquals("Subscribed", Html.state(response.getBody(), "stock-movement-alerts"));
        assertEquals("Not subscribed", Html.state(response.getBody(), "dcf-engine-results"));
    }

    @Test
    void theClientCapCountsTheEventsSourceIpNotTheXForwardedForHeader() {
        SubscriptionsFunction capped =
                new SubscriptionsFunction(alerts.property("listwire.subscriptions.link-caps.per-client-per-hour", 2)
                        .context());
        try {
            assertEquals(200, linkRequest(capped, "203.0.113.7", "198.51.100.1"));
            assertEquals(200, linkRequest(capped, "203.0.113.7", "198.51.100.2"));

            assertEquals(
                    429, linkRequest(capped, "203.0.113.7", "198.51.100.3"), "the header is the client's to write");
            assertEquals(200, linkRequest(capped, "203.0.113.8", "198.51.100.3"), "another source is another client");
        } finally {
            capped.close();
        }
    }

    @Test
    void anIpv6ClientIsCountedByItsSlash64NotByEachAddressInIt() {
        // Function URLs are dual-stack; an IPv6 client is handed a whole /64 and may pick a new address each time.
        SubscriptionsFunction capped =
                new SubscriptionsFunction(alerts.property("listwire.subscriptions.link-caps.per-client-per-hour", 2)
                        .context());
        try {
            assertEquals(200, linkRequest(capped, "2001:db8:1:2::a", "198.51.100.1"));
            assertEquals(200, linkRequest(capped, "2001:db8:1:2:ffff:ffff:ffff:b", "198.51.100.1"));

            assertEquals(429, linkRequest(capped, "2001:db8:1:2::c", "198.51.100.1"), "the same /64");
            assertEquals(200, linkRequest(capped, "2001:db8:1:3::a", "198.51.100.1"), "another /64");
        } finally {
            capped.close();
        }
    }

    /** The fixture's "email me a link" post, from {@code sourceIp} as Lambda saw it, with a header the client wrote. */
    private static int linkRequest(SubscriptionsFunction function, String sourceIp, String forwardedFor) {
        String json = FunctionUrlEvents.json("link-request-post.json", "")
                .replace("\"sourceIp\": \"203.0.113.7\"", "\"sourceIp\": \"" + sourceIp + "\"")
                .replace("\"x-forwarded-for\": \"203.0.113.7\"", "\"x-forwarded-for\": \"" + forwardedFor + "\"");
        return function.handleRequest(FunctionUrlEvents.fromJson(json), null).getStatusCode();
    }

    private Map<String, AttributeValue> item(String email) {
        return alerts.stack()
                .dynamoDb()
                .getItem(b -> b.tableName(alerts.members().table())
                        .key(Map.of("email", AttributeValue.fromS(email)))
                        .consistentRead(true))
                .item();
    }
}
