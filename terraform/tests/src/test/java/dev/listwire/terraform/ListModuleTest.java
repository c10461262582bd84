package dev.listwire.terraform;

import static dev.listwire.terraform.Module.expr;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** What modules/list creates for one list, and how it is wired. */
class ListModuleTest {

    private final Module list = Module.list();

    @Test
    void createsEveryResourceAListNeedsUnconditionally() {
        Set<String> always = Set.of(
                "aws_sqs_queue.this",
                "aws_sqs_queue.dlq",
                "aws_sqs_queue_redrive_allow_policy.dlq",
                "aws_dynamodb_table.members",
                "aws_lambda_event_source_mapping.this");
        Set<String> declared = resources(list);

        assertTrue(declared.containsAll(always), "missing: " + difference(always, declared));
        for (String resource : always) {
            assertUnconditional(list, resource);
        }
        assertEquals(
                Set.of("aws_cloudwatch_metric_alarm.dlq_not_empty"),
                difference(declared, always),
                "the only optional resource is the DLQ alarm");
        JsonNode function = list.moduleCall("function");
        assertEquals("../function", function.path("source").asText());
        assertFalse(function.has("count") || function.has("for_each"), "every list has its function");
    }

    @Test
    void itsFunctionComesWithAnAliasALogGroupAndARoleEveryTime() {
        Module function = Module.function();
        Set<String> always = Set.of(
                "aws_cloudwatch_log_group.this",
                "aws_lambda_function.this",
                "aws_lambda_alias.live",
                "aws_iam_role.this",
                "aws_iam_role_policy.this");

        assertEquals(always, resources(function));
        for (String resource : always) {
            assertUnconditional(function, resource);
        }
    }

    @Test
    void theMappingReportsBatchItemFailuresAndInvokesTheSnapStartAlias() {
        JsonNode mapping = list.resource("aws_lambda_event_source_mapping", "this");

        assertEquals(
                "[\"ReportBatchItemFailures\"]",
                mapping.path("function_response_types").toString());
        assertEquals("module.function.alias_arn", expr(mapping.path("function_name")));
        assertEquals("aws_sqs_queue.this.arn", expr(mapping.path("event_source_arn")));
        assertEquals("var.batch_size", expr(mapping.path("batch_size")));
        assertEquals(
                "var.max_concurrency",
                expr(mapping.path("scaling_config").get(0).path("maximum_concurrency")));
        assertFalse(mapping.has("provisioned_poller_config"), "provisioned pollers bill while idle");
    }

    @Test
    void theFunctionIsJava21WithSnapStartOnPublishedVersions() {
        Module module = Module.function();
        JsonNode function = module.resource("aws_lambda_function", "this");

        assertEquals("java21", function.path("runtime").asText());
        assertEquals("var.handler", expr(function.path("handler")));
        assertEquals("var.timeout_seconds", expr(function.path("timeout")));
        assertTrue(function.path("publish").asBoolean(), "SnapStart needs published versions");
        assertEquals(
                "PublishedVersions",
                function.path("snap_start").get(0).path("apply_on").asText());
        assertEquals("var.artifact_path", expr(function.path("filename")));
        assertEquals("filebase64sha256(var.artifact_path)", expr(function.path("source_code_hash")));
        assertEquals(
                "aws_lambda_function.this.version",
                expr(module.resource("aws_lambda_alias", "live").path("function_version")));
    }

    @Test
    void aListsFunctionRunsItsHandlerOnItsJarWithItsTimeout() {
        JsonNode function = list.moduleCall("function");

        assertEquals("var.handler", expr(function.path("handler")));
        assertEquals("local.artifact", expr(function.path("artifact_path")));
        assertEquals("${var.source_dir}/target/function.jar", expr(list.local("artifact")));
        assertEquals("var.timeout_seconds", expr(function.path("timeout_seconds")));
        assertEquals("local.environment", expr(function.path("environment")));
        assertEquals("data.aws_iam_policy_document.function.json", expr(function.path("policy_json")));
    }

    @Test
    void theQueueIsVisibleAgainOnlyAfterSixFunctionTimeoutsAndRedrivesToItsDlq() {
        JsonNode queue = list.resource("aws_sqs_queue", "this");

        assertEquals("local.visibility_timeout_seconds", expr(queue.path("visibility_timeout_seconds")));
        assertTrue(
                Expressions.timeoutFactor(list) >= 6,
                "visibility is " + expr(list.local("visibility_timeout_seconds")));
        String redrive = expr(queue.path("redrive_policy"));
        assertTrue(redrive.contains("deadLetterTargetArn = aws_sqs_queue.dlq.arn"), redrive);
        assertTrue(redrive.contains("maxReceiveCount = var.max_receives"), redrive);
        assertEquals(5, list.variable("minimum_max_receives").path("default").asInt());
        assertTrue(
                expr(queue.path("lifecycle").get(0).path("precondition").get(1).path("condition"))
                        .equals("var.max_receives >= var.minimum_max_receives"));
    }

    @Test
    void bothQueuesAreEncryptedServerSide() {
        list.named("resource", "aws_sqs_queue")
                .forEach((name, queue) ->
                        assertTrue(queue.path("sqs_managed_sse_enabled").asBoolean(), "aws_sqs_queue." + name));
    }

    @Test
    void theMembersTableIsOnDemandKeyedByEmailWithRecoveryBehindAVariable() {
        JsonNode table = list.resource("aws_dynamodb_table", "members");

        assertEquals("PAY_PER_REQUEST", table.path("billing_mode").asText());
        assertEquals("email", table.path("hash_key").asText());
        assertEquals(
                "var.point_in_time_recovery",
                expr(table.path("point_in_time_recovery").get(0).path("enabled")));
        assertFalse(list.variable("point_in_time_recovery").path("default").asBoolean(), "PITR bills per GB-month");
    }

    @Test
    void logsAreKeptForALimitedTime() {
        Module function = Module.function();
        JsonNode group = function.resource("aws_cloudwatch_log_group", "this");

        assertEquals("var.log_retention_days", expr(group.path("retention_in_days")));
        assertTrue(function.variable("log_retention_days").path("default").asInt() > 0);
        assertTrue(list.variable("log_retention_days").path("default").asInt() > 0);
        assertEquals("var.log_retention_days", expr(list.moduleCall("function").path("log_retention_days")));
        assertEquals(
                "aws_cloudwatch_log_group.this.name",
                expr(function.resource("aws_lambda_function", "this")
                        .path("logging_config")
                        .get(0)
                        .path("log_group")));
    }

    private static Set<String> resources(Module module) {
        Set<String> declared = new TreeSet<>();
        module.blocks()
                .path("resource")
                .fields()
                .forEachRemaining(type -> type.getValue()
                        .fieldNames()
                        .forEachRemaining(name -> declared.add(type.getKey() + "." + name)));
        return declared;
    }

    private static void assertUnconditional(Module module, String resource) {
        JsonNode body = module.resource(resource.split("\\.")[0], resource.split("\\.")[1]);
        assertFalse(body.has("count") || body.has("for_each"), module + ": " + resource + " must exist for every list");
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> rest = new TreeSet<>(a);
        rest.removeAll(b);
        return rest;
    }
}
