package dev.listwire.terraform;

import static dev.listwire.terraform.Module.expr;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The subscriptions function as Terraform deploys it, checked against the app in subscriptions/: what it
 * reads, what it calls, and the one address every list's links point to.
 */
class SubscriptionsWiringTest {

    private static final Pattern ENV_NAME = Pattern.compile("\\b(LISTWIRE_[A-Z_]+) *=");
    private static final Path APP = Repository.root().resolve("subscriptions/src/main/java/dev/listwire/subscriptions");
    private static final Path COMMON = Repository.root().resolve("common/src/main");

    /**
     * What the subscriptions app reads: its own settings and common's, but not common's function package,
     * which holds the list functions' beans (their DLQ, their table) that its context never builds. It does
     * read the sending account's (its link emails reserve their sends there, as the lists' do). Nor the event
     * summaries' (common's events package): the list functions and the feedback function write them, and no
     * class of the subscriptions app uses that package.
     */
    private static Set<String> appReads() {
        Set<String> names = AppSources.environmentNames(
                List.of(APP, COMMON.resolve("java/dev/listwire/common")),
                List.of(COMMON.resolve("resources/application.properties")));
        names.removeIf(name -> name.startsWith("LISTWIRE_FUNCTION_") || name.startsWith("LISTWIRE_EVENTS_"));
        return names;
    }

    /** The variables the subscriptions function is given: its module's and, for every function, ../function's. */
    private static Set<String> subscriptionsEnvironment() {
        return envNames(
                Module.subscriptions().local("environment"), Module.function().local("environment"));
    }

    @Test
    void theAppUsesNoEventSummaries() throws Exception {
        try (java.util.stream.Stream<Path> files = Files.walk(APP)) {
            files.filter(f -> f.toString().endsWith(".java"))
                    .forEach(f -> assertFalse(
                            AppSources.read(f).contains("dev.listwire.common.events"),
                            f + " uses the event summaries: give the subscriptions function LISTWIRE_EVENTS_TABLE"));
        }
    }

    @Test
    void theFunctionIsGivenOnlyWhatTheAppReads() {
        Set<String> reads = appReads();

        for (String name : subscriptionsEnvironment()) {
            assertTrue(
                    AppSources.reads(reads, name),
                    "modules/subscriptions sets " + name + ", which the subscriptions app does not read (it reads "
                            + reads + ")");
        }
    }

    @Test
    void whatTheListsAreToldAndTheAppAlsoReadsTheSubscriptionsFunctionIsToldToo() {
        Set<String> reads = appReads();
        Set<String> missing = new TreeSet<>();
        for (String name :
                envNames(Module.list().local("environment"), Module.function().local("environment"))) {
            if (AppSources.reads(reads, name) && !subscriptionsEnvironment().contains(name)) {
                missing.add(name);
            }
        }
        assertEquals(
                Set.of(),
                missing,
                "the ledger table, link key id, SMTP server and secrets are the lists' and the app's");
        assertTrue(
                subscriptionsEnvironment().containsAll(Set.of("LISTWIRE_SSM_LINKS_KEY", "LISTWIRE_SSM_SMTP_PASSWORD")));
    }

    @Test
    void theAppFindsTheListsAndTablesTerraformMakes() {
        // The app's catalogue is lists/*/list.json bundled at build time; Terraform reads the same files.
        String pom = AppSources.read(Repository.root().resolve("subscriptions/pom.xml"));
        assertTrue(pom.contains("<directory>${project.basedir}/../lists</directory>")
                && pom.contains("<include>*/list.json</include>"));
        assertTrue(expr(Module.root().local("manifests")).contains("fileset(local.lists_dir, \"*/list.json\")"));
        // A list's table is named as the list: the app's default, and what modules/list creates.
        assertTrue(AppSources.read(APP.resolve("SubscriptionsConfiguration.java"))
                .contains("tables.getOrDefault(list, list)"));
        assertEquals(
                "var.name",
                expr(Module.list().resource("aws_dynamodb_table", "members").path("name")));
        assertTrue(
                expr(Module.root().local("list_table_arns")).endsWith(":table/${name}\" }"),
                expr(Module.root().local("list_table_arns")));
        assertEquals("local.list_table_arns", expr(subscriptionsCall().path("list_tables")));
    }

    @Test
    void itIsAPublicFunctionUrlOnTheAppsOwnHandler() {
        Module subscriptions = Module.subscriptions();
        JsonNode url = subscriptions.resource("aws_lambda_function_url", "this");

        assertEquals("NONE", url.path("authorization_type").asText());
        assertEquals("module.function.alias_name", expr(url.path("qualifier")));
        assertEquals("var.handler", expr(subscriptions.moduleCall("function").path("handler")));
        String handler = subscriptions.variable("handler").path("default").asText();
        assertEquals("dev.listwire.subscriptions.SubscriptionsFunction", handler);
        assertTrue(AppSources.read(APP.resolve("SubscriptionsFunction.java"))
                .contains("extends APIGatewayV2HTTPEventFunction"));
        assertFalse(subscriptionsCall().has("handler"), "the root module keeps the module's handler");
        assertEquals(
                "${path.module}/../subscriptions/target/function.jar",
                subscriptionsCall().path("artifact_path").asText());
    }

    @Test
    void everyListLinksToTheSubscriptionsFunctionWhichDependsOnNoList() {
        String linksBase = expr(Module.root().local("links_base_url"));
        String custom = expr(Module.root().local("custom_links_base_url"));

        assertTrue(
                linksBase.startsWith("local.custom_links_base_url != null ? local.custom_links_base_url"), linksBase);
        assertTrue(
                linksBase.contains(
                        "var.enable_subscriptions ? trimsuffix(module.subscriptions[0].function_url, \"/\")"),
                linksBase);
        assertEquals(
                "local.links_base_url", expr(Module.root().moduleCall("list").path("links_base_url")));
        assertTrue(expr(Module.list().local("environment")).contains("LISTWIRE_LINKS_BASE_URL = var.links_base_url"));
        // The function is not given its own URL (a cycle), only a custom address; the app takes its URL from requests.
        assertEquals("local.custom_links_base_url", expr(subscriptionsCall().path("links_base_url")));
        assertTrue(custom.contains("var.links_base_url") && !custom.contains("module."), custom);
        assertFalse(
                subscriptionsCall().toString().contains("module.list"),
                "the subscriptions function must not depend on a list");
        assertTrue(
                AppSources.read(APP.resolve("LinkBase.java")).contains("request.getHeaders().get(HttpHeaders.HOST)"));
    }

    @Test
    void itIsOnByDefaultAndCanBeTurnedOff() {
        assertEquals(
                "var.enable_subscriptions ? 1 : 0", expr(subscriptionsCall().path("count")));
        assertTrue(
                Module.root().variable("enable_subscriptions").path("default").asBoolean(false));
        JsonNode output = Module.root()
                .blocks()
                .path("output")
                .path("preference_center_url")
                .get(0);
        assertTrue(
                expr(output.path("value")).contains("${local.links_base_url}/preferences"), expr(output.path("value")));
        assertTrue(
                AppSources.read(APP.resolve("LinkRequestController.java")).contains("@Controller(\"/preferences\")"));
    }

    @Test
    void nothingItDeploysBillsWhileIdle() {
        // Billed per request, per GB stored or not at all; a new resource type here has to be added on purpose.
        Set<String> perUse = Set.of(
                "aws_lambda_function",
                "aws_lambda_alias",
                "aws_lambda_function_url",
                "aws_lambda_permission",
                "aws_iam_role",
                "aws_iam_role_policy",
                "aws_cloudwatch_log_group",
                "aws_iam_policy_document");
        for (Module module : List.of(Module.subscriptions(), Module.function())) {
            module.resourcesAndData().keySet().forEach(address -> {
                String type = address.substring(address.indexOf(' ') + 1, address.indexOf('.'));
                assertTrue(perUse.contains(type), module + " " + address + " may bill while idle");
            });
        }
    }

    @Test
    void aFloodCannotTakeTheListsConcurrency() {
        JsonNode variable = Module.subscriptions().variable("reserved_concurrency");
        assertEquals(5, variable.path("default").asInt(), "a small reservation by default");
        assertEquals(
                "var.reserved_concurrency == null ? -1 : var.reserved_concurrency",
                expr(Module.subscriptions().moduleCall("function").path("reserved_concurrent_executions")),
                "null turns it off, as -1 does");
        assertEquals(
                "var.reserved_concurrent_executions",
                expr(Module.function().resource("aws_lambda_function", "this").path("reserved_concurrent_executions")));
        assertEquals(
                -1,
                Module.function()
                        .variable("reserved_concurrent_executions")
                        .path("default")
                        .asInt());
        assertFalse(
                Module.root().moduleCall("list").has("reserved_concurrent_executions"),
                "the list functions stay on the unreserved pool");
        assertEquals(
                "var.subscriptions_reserved_concurrency",
                expr(subscriptionsCall().path("reserved_concurrency")));
        assertEquals(
                5,
                Module.root()
                        .variable("subscriptions_reserved_concurrency")
                        .path("default")
                        .asInt());
        assertEquals("var.link_caps", expr(subscriptionsCall().path("link_caps")));
    }

    @Test
    void theReadmesNameWhatTheFunctionIsGiven() throws Exception {
        String docs = Files.readString(Repository.terraform().resolve("modules/subscriptions/README.md"));
        for (String name : subscriptionsEnvironment()) {
            assertTrue(docs.contains("`" + name + "`"), "modules/subscriptions/README.md does not name " + name);
        }
        assertFalse(docs.contains("LISTWIRE_SUBSCRIPTIONS_TABLES"), "the app reads no such variable");
    }

    private static JsonNode subscriptionsCall() {
        return Module.root().moduleCall("subscriptions");
    }

    private static Set<String> envNames(JsonNode... environments) {
        Set<String> names = new TreeSet<>();
        for (JsonNode environment : environments) {
            Matcher m = ENV_NAME.matcher(expr(environment));
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }
}
