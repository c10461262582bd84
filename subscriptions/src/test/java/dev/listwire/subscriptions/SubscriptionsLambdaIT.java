package dev.listwire.subscriptions;

import dev.listwire.common.links.LinkConfiguration;
import dev.listwire.common.links.LinkPurpose;
import dev.listwire.common.links.LinkSigner;
import dev.listwire.common.links.Links;
import dev.listwire.common.local.LocalResources;
import dev.listwire.common.manifest.ListManifest;
import dev.listwire.common.testing.LambdaRuntime;
import dev.listwire.common.testing.ListFixture;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        LocalResources resources = new LocalResources(fixture.stack().dynamoDb(), fixture.stack().sqs());
        ListManifest alerts = fixture.manifest();
        resources.createList(alerts);
        resources.createList(ListFixture.forManifest("classpath:listwire-lists/dcf-engine-results/list.json").manifest());
        ListFixture.Members members = new ListFixture.Members(fixture.stack().dynamoDb(), alerts.name());
        members.add(ADA);
        Map<String, String> environment = fixture.environment();
        LinkSigner signer = new LinkSigner(new LinkConfiguration("https://prefs.listwire.test", "k1",
                environment.get("LISTWIRE_LINKS_KEY"), null));

        try (LambdaRuntime lambda = LambdaRuntime.start(Path.of("target/function.jar"), Path.of("target/lambda-runtime"),
                "dev.listwire.subscriptions.SubscriptionsFunction", environment)) {
            Map<String, Object> page = invoke(lambda, FunctionUrlEvents.json("preferences-get.json",
                    signer.sign(LinkPurpose.PREFERENCES, Links.ALL_LISTS, ADA)));
            assertEquals(200, page.get("statusCode"), lambda.output());
            assertEquals("Subscribed", Html.state((String) page.get("body"), "stock-movement-alerts"));
            assertTrue(((String) page.get("body")).contains("DCF Engine results"));

            Map<String, Object> left = invoke(lambda, FunctionUrlEvents.json("one-click-post-multipart.json",
                    signer.sign(LinkPurpose.UNSUBSCRIBE, alerts.name(), ADA)));
            assertEquals(200, left.get("statusCode"), lambda.output());
        }
        Map<String, AttributeValue> item = fixture.stack().dynamoDb().getItem(b -> b.tableName(alerts.name())
                .key(Map.of("email", AttributeValue.fromS(ADA))).consistentRead(true)).item();
        assertEquals("unsubscribed", item.get("status").s());
    }

    private static Map<String, Object> invoke(LambdaRuntime lambda, String event) throws Exception {
        return JsonMapper.createDefault().readValue(lambda.invoke(event, Duration.ofSeconds(60)),
                Argument.mapOf(String.class, Object.class));
    }
}
