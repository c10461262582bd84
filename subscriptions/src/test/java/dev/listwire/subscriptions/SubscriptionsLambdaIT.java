package dev.listwire.subscriptions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.listwire.common.links.LinkConfiguration;
import dev.listwire.common.links.LinkPurpose;
import dev.listwire.common.links.LinkSigner;
import dev.listwire.common.links.Links;
import dev.listwire.common.manifest.ListManifest;
import dev.listwire.testkit.FakeParameterStore;
import dev.listwire.testkit.Inbox;
import dev.listwire.testkit.LambdaRuntime;
import dev.listwire.testkit.ListFixture;
import dev.listwire.testkit.local.LocalResources;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * target/function.jar under AWS's Lambda runtime interface client, configured only by environment variables
 * as Terraform will, answering function URL events: the bundled manifests, the templates and the handler
 * all load under Lambda's own class loader. The tables are named as the lists, as in AWS.
 */
class SubscriptionsLambdaIT {

    private static final String ADA = "lambda-it-ada@example.com";

    @Test
    void theDeployableJarUnsubscribesAndShowsThePreferenceCenterUnderTheLambdaRuntime() throws Exception {
        ListFixture fixture = ListFixture.forManifest("classpath:listwire-lists/stock-movement-alerts/list.json");
        LocalResources resources =
                new LocalResources(fixture.stack().dynamoDb(), fixture.stack().sqs());
        ListManifest alerts = fixture.manifest();
        resources.createList(alerts);
        resources.createList(ListFixture.forManifest("classpath:listwire-lists/dcf-engine-results/list.json")
                .manifest());
        ListFixture.Members members = new ListFixture.Members(fixture.stack().dynamoDb(), alerts.name());
        members.add(ADA);
        Map<String, String> environment = fixture.environment();
        LinkSigner signer = new LinkSigner(new LinkConfiguration(
                "https://prefs.listwire.test", "k1", environment.get("LISTWIRE_LINKS_KEY"), null));

        try (LambdaRuntime lambda = LambdaRuntime.start(
                Path.of("target/function.jar"),
                Path.of("target/lambda-runtime"),
                "dev.listwire.subscriptions.SubscriptionsFunction",
                environment)) {
            Map<String, Object> page = invoke(
                    lambda,
                    FunctionUrlEvents.json(
                            "preferences-get.json", signer.sign(LinkPurpose.PREFERENCES, Links.ALL_LISTS, ADA)));
            assertEquals(200, page.get("statusCode"), lambda.output());
            assertEquals("Subscribed", Html.state((String) page.get("body"), "stock-movement-alerts"));
            assertTrue(((String) page.get("body")).contains("DCF Engine results"));

            Map<String, Object> left = invoke(
                    lambda,
                    FunctionUrlEvents.json(
                            "one-click-post-multipart.json", signer.sign(LinkPurpose.UNSUBSCRIBE, alerts.name(), ADA)));
            assertEquals(200, left.get("statusCode"), lambda.output());
        }
        Map<String, AttributeValue> item = fixture.stack()
                .dynamoDb()
                .getItem(b -> b.tableName(alerts.name())
                        .key(Map.of("email", AttributeValue.fromS(ADA)))
                        .consistentRead(true))
                .item();
        assertEquals("unsubscribed", item.get("status").s());
    }

    /*
     * As modules/subscriptions configures it: no LISTWIRE_LINKS_BASE_URL (a function cannot be told its own URL),
     * the link key and SMTP credentials only named (LISTWIRE_SSM_*) and read from Parameter Store at start (a fake
     * of its API: none runs here), no table names (the tables are named as the lists).
     */
    @Test
    void configuredAsTerraformDoesItReadsItsSecretsFromSsmAndLinksToItsOwnFunctionUrl() throws Exception {
        ListFixture fixture = ListFixture.forManifest("classpath:listwire-lists/stock-movement-alerts/list.json");
        Map<String, String> environment = new HashMap<>(fixture.environment());
        String key = environment.get("LISTWIRE_LINKS_KEY");
        try (FakeParameterStore ssm = new FakeParameterStore(Map.of(
                "/listwire/links/key",
                key,
                "/listwire/smtp/username",
                environment.get("LISTWIRE_SMTP_USERNAME"),
                "/listwire/smtp/password",
                environment.get("LISTWIRE_SMTP_PASSWORD")))) {
            environment
                    .keySet()
                    .removeIf(name -> name.startsWith("LISTWIRE_FUNCTION_")
                            || List.of(
                                            "LISTWIRE_LINKS_BASE_URL",
                                            "LISTWIRE_LINKS_KEY",
                                            "LISTWIRE_SMTP_USERNAME",
                                            "LISTWIRE_SMTP_PASSWORD")
                                    .contains(name));
            environment.putAll(Map.of(
                    "LISTWIRE_SSM_LINKS_KEY",
                    "/listwire/links/key",
                    "LISTWIRE_SSM_SMTP_USERNAME",
                    "/listwire/smtp/username",
                    "LISTWIRE_SSM_SMTP_PASSWORD",
                    "/listwire/smtp/password",
                    "AWS_SERVICES_SSM_ENDPOINT_OVERRIDE",
                    ssm.endpoint()));

            try (LambdaRuntime lambda = LambdaRuntime.start(
                    Path.of("target/function.jar"),
                    Path.of("target/lambda-runtime"),
                    "dev.listwire.subscriptions.SubscriptionsFunction",
                    environment)) {
                Map<String, Object> sent = invoke(lambda, FunctionUrlEvents.json("link-request-post.json", ""));
                assertEquals(200, sent.get("statusCode"), lambda.output());
                assertEquals(1, ssm.requests().size(), "the secrets are read once, at start");
                // The client's count is kept under the event's sourceIp, read from the real runtime's event.
                assertTrue(
                        fixture.stack().dynamoDb().scan(b -> b.tableName(fixture.ledgerTable())).items().stream()
                                .anyMatch(item -> item.get("event").s().startsWith(LinkRequestLimit.KEY_PREFIX + "ip#")
                                        && item.get("email").s().equals("203.0.113.7")),
                        "a per-client count for the function URL's sourceIp");

                List<jakarta.mail.internet.MimeMessage> emails = new Inbox(fixture.mail()).to("ada@example.com");
                assertEquals(1, emails.size());
                Matcher link = Pattern.compile(
                                "https://" + Pattern.quote(FunctionUrlEvents.HOST) + "(/preferences/\\S+)")
                        .matcher(Inbox.part(emails.get(0), "text/plain"));
                assertTrue(link.find(), "the link points at the function URL the request came to");
                String token = link.group(1).substring("/preferences/".length());
                LinkSigner signer = new LinkSigner(new LinkConfiguration(null, "k1", key, null));
                assertEquals(
                        "ada@example.com",
                        signer.verify(token, LinkPurpose.PREFERENCES)
                                .orElseThrow()
                                .email(),
                        "signed with the key from Parameter Store");
            }
        }
    }

    private static Map<String, Object> invoke(LambdaRuntime lambda, String event) throws Exception {
        return JsonMapper.createDefault()
                .readValue(lambda.invoke(event, Duration.ofSeconds(60)), Argument.mapOf(String.class, Object.class));
    }
}
