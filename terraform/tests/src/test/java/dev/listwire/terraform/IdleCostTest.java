package dev.listwire.terraform;

import static dev.listwire.terraform.Module.expr;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** No fixed monthly cost: nothing that bills while idle unless a variable that defaults to off turns it on. */
class IdleCostTest {

    /** Resource types that bill by the hour or month whether or not anything happens. */
    private static final Set<String> BILL_WHILE_IDLE = Set.of(
            "aws_cloudwatch_metric_alarm",
            "aws_cloudwatch_composite_alarm",
            "aws_cloudwatch_dashboard",
            "aws_kms_key",
            "aws_secretsmanager_secret",
            "aws_lambda_provisioned_concurrency_config",
            "aws_nat_gateway",
            "aws_eip",
            "aws_lb",
            "aws_alb",
            "aws_instance",
            "aws_db_instance",
            "aws_rds_cluster",
            "aws_elasticache_cluster",
            "aws_vpc_endpoint",
            "aws_route53_zone",
            "aws_wafv2_web_acl",
            "aws_kinesis_stream",
            "aws_apprunner_service",
            "aws_ecs_service",
            "aws_backup_plan");

    private static final Pattern SWITCH = Pattern.compile("^var\\.(\\w+) \\? 1 : 0$");

    static List<Module> modules() {
        return Module.all();
    }

    @ParameterizedTest
    @MethodSource("modules")
    void whatBillsWhileIdleIsSwitchedOnByAVariableThatDefaultsToOff(Module module) {
        module.resourcesAndData().forEach((address, body) -> {
            String type = address.substring(address.indexOf(' ') + 1, address.indexOf('.'));
            if (address.startsWith("resource ") && BILL_WHILE_IDLE.contains(type)) {
                Matcher m = SWITCH.matcher(expr(body.path("count")));
                assertTrue(m.matches(), module + " " + address + " bills while idle: it needs count = var.<x> ? 1 : 0");
                assertFalse(
                        module.variable(m.group(1)).path("default").asBoolean(true),
                        module + " " + address + " is on by default (var." + m.group(1) + ")");
            }
        });
    }

    @Test
    void theRootModuleKeepsTheDlqAlarmsOffByDefault() {
        assertEquals("var.dlq_alarms", expr(Module.root().moduleCall("list").path("dlq_alarm")));
        assertFalse(Module.root().variable("dlq_alarms").path("default").asBoolean(true));
        assertFalse(
                Module.root().variable("point_in_time_recovery").path("default").asBoolean(true));
        assertEquals(
                "var.point_in_time_recovery",
                expr(Module.root().moduleCall("list").path("point_in_time_recovery")));
    }

    @ParameterizedTest
    @MethodSource("modules")
    void everyTableIsOnDemand(Module module) {
        for (Map.Entry<String, JsonNode> table :
                module.named("resource", "aws_dynamodb_table").entrySet()) {
            assertEquals(
                    "PAY_PER_REQUEST",
                    table.getValue().path("billing_mode").asText(),
                    module + " aws_dynamodb_table." + table.getKey());
        }
    }

    @ParameterizedTest
    @MethodSource("modules")
    void noFunctionKeepsWarmCapacityOrProvisionedPollers(Module module) {
        module.named("resource", "aws_lambda_event_source_mapping")
                .forEach((name, mapping) -> assertFalse(mapping.has("provisioned_poller_config"), module + " " + name));
        module.named("resource", "aws_lambda_function")
                .forEach((name, function) -> assertFalse(
                        function.has("vpc_config"),
                        module + " " + name + ": a VPC needs a NAT gateway or endpoints, which bill hourly"));
    }

    @Test
    void theSuppressionListIsOneOnDemandTableKeyedByEmailWithNothingThatBillsWhileIdle() {
        JsonNode suppressions = Module.root().resource("aws_dynamodb_table", "suppressions");

        assertEquals("email", suppressions.path("hash_key").asText());
        assertFalse(suppressions.has("range_key"));
        assertFalse(suppressions.has("point_in_time_recovery"), "PITR bills per GB-month");
        assertFalse(suppressions.has("server_side_encryption"), "DynamoDB's default encryption: no key to pay for");
        assertEquals("var.suppression_table_name", expr(suppressions.path("name")));
        assertEquals(
                "listwire-suppressions",
                Module.root().variable("suppression_table_name").path("default").asText());
        assertTrue(
                expr(Module.list().local("environment"))
                        .matches("(?s).*LISTWIRE_SUPPRESSION_TABLE\\s*=\\s*var\\.suppression_table_name\\b.*"),
                "every list function is told the table");
    }

    @Test
    void theLedgerIsOnDemandWithItsEntriesExpiringByTtl() {
        JsonNode ledger = Module.root().resource("aws_dynamodb_table", "ledger");

        assertEquals("event", ledger.path("hash_key").asText());
        assertEquals("email", ledger.path("range_key").asText());
        assertEquals(
                "expiresAt", ledger.path("ttl").get(0).path("attribute_name").asText());
        assertTrue(ledger.path("ttl").get(0).path("enabled").asBoolean());
    }

    @Test
    void theEventSummariesAreOneOnDemandTableByListAndEventWithARecentIndexAndTtl() {
        JsonNode events = Module.root().resource("aws_dynamodb_table", "events");

        assertEquals("list", events.path("hash_key").asText());
        assertEquals("eventId", events.path("range_key").asText());
        assertEquals("var.events_table_name", expr(events.path("name")));
        assertEquals(
                "listwire-events",
                Module.root().variable("events_table_name").path("default").asText());
        JsonNode recent = events.path("local_secondary_index").get(0);
        assertEquals("recent", recent.path("name").asText());
        assertEquals("firstSeen", recent.path("range_key").asText());
        assertEquals("ALL", recent.path("projection_type").asText());
        Map<String, String> types = new java.util.TreeMap<>();
        events.path("attribute")
                .forEach(a -> types.put(a.path("name").asText(), a.path("type").asText()));
        assertEquals(Map.of("list", "S", "eventId", "S", "firstSeen", "N"), types);
        assertEquals(
                "expiresAt", events.path("ttl").get(0).path("attribute_name").asText());
        assertTrue(events.path("ttl").get(0).path("enabled").asBoolean());
        assertFalse(events.has("point_in_time_recovery"), "PITR bills per GB-month");
        assertFalse(events.has("server_side_encryption"), "DynamoDB's default encryption: no key to pay for");
        assertEquals(
                "aws_dynamodb_table.events.name",
                expr(Module.root().moduleCall("list").path("events_table_name")));
    }

    @Test
    void theSendingCountersAreOnDemandKeyedByAccountAndExpireByTtl() {
        JsonNode sending = Module.root().resource("aws_dynamodb_table", "sending");

        assertEquals("account", sending.path("hash_key").asText());
        assertEquals("bucket", sending.path("range_key").asText());
        assertEquals(
                "expiresAt", sending.path("ttl").get(0).path("attribute_name").asText());
        assertTrue(sending.path("ttl").get(0).path("enabled").asBoolean());
    }

    @Test
    void theFeedbackScheduleIsTheOnlyThingThatRunsWhileIdleAndTheReadmePricesItsRuns() throws Exception {
        // The default schedule's runs a month (30 days), from the root variable's default.
        Matcher rate = Pattern.compile("schedule = optional\\(string, \"rate\\((\\d+) minutes\\)\"\\)")
                .matcher(expr(Module.root().variable("feedback").path("type")));
        assertTrue(rate.find(), "feedback.schedule defaults to rate(<n> minutes)");
        int runs = 30 * 24 * 60 / Integer.parseInt(rate.group(1));
        String readme = java.nio.file.Files.readString(Repository.terraform().resolve("README.md"));
        String cost = readme.substring(readme.indexOf("## Cost"));
        assertTrue(
                cost.contains(String.format(java.util.Locale.ROOT, "%,d runs a month", runs)),
                "terraform/README.md's cost does not price the feedback schedule's " + runs + " runs a month");
        assertTrue(cost.contains("**SES notifications**") && cost.contains("per 1,000 notifications"));

        // Nothing else of the feedback function runs unasked: no schedule but the one, a queue only for ses.
        Module feedback = Module.feedback();
        assertEquals(
                Set.of("this"),
                feedback.named("resource", "aws_scheduler_schedule").keySet());
        assertEquals(
                "local.ses ? 1 : 0",
                expr(feedback.resource("aws_lambda_event_source_mapping", "this")
                        .path("count")));
        JsonNode state = Module.root().resource("aws_dynamodb_table", "feedback");
        assertFalse(state.has("point_in_time_recovery"), "PITR bills per GB-month");
        assertFalse(state.has("server_side_encryption"), "DynamoDB's default encryption: no key to pay for");
        assertTrue(state.path("ttl").get(0).path("enabled").asBoolean(), "dedupe and soft-bounce items expire");
    }

    @Test
    void noModuleCreatesACustomerManagedKmsKeyAndTheReadmeSaysWhy() throws Exception {
        for (Module module : Module.all()) {
            assertTrue(
                    module.named("resource", "aws_kms_key").isEmpty(),
                    module + " creates a KMS key: 1 USD a month each");
        }
        String readme = java.nio.file.Files.readString(Repository.terraform().resolve("README.md"));
        assertTrue(
                readme.contains("**No customer-managed KMS key by default**") && readme.contains("1 USD a month"),
                "terraform/README.md");
    }
}
