package dev.listwire.terraform;

import static dev.listwire.terraform.Module.expr;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The feedback function as Terraform deploys it: one source's parts only, the mailbox read on a schedule by
 * one run at a time, SES notifications through a queue that only its topic may write to.
 */
class FeedbackWiringTest {

    private static final Pattern ENV_NAME = Pattern.compile("\\b(LISTWIRE_[A-Z_]+) *=");

    @Test
    void theRootDeploysItWithItsStateTableUnlessTheSourceIsNone() {
        Module root = Module.root();
        JsonNode call = root.moduleCall("feedback");

        assertEquals("var.feedback.source != \"none\"", expr(root.local("feedback_enabled")));
        assertEquals("local.feedback_enabled ? 1 : 0", expr(call.path("count")));
        assertEquals("var.feedback.source", expr(call.path("source_kind")));
        assertEquals(
                "${path.module}/../feedback/target/function.jar",
                call.path("artifact_path").asText());
        String type = expr(root.variable("feedback").path("type"));
        for (String setting : List.of(
                "source = optional(string, \"imap\")",
                "schedule = optional(string, \"rate(15 minutes)\")",
                "mailbox_host = optional(string, \"imap.gmail.com\")",
                "mailbox_port = optional(number, 993)",
                "handled_folder = optional(string, \"listwire-feedback\")",
                "ses_identity = optional(string)",
                "include_original_headers = optional(bool, true)",
                "table_name = optional(string, \"listwire-feedback\")")) {
            assertTrue(type.contains(setting), type);
        }
        assertTrue(root.variable("feedback").toString().contains("[\\\"imap\\\", \\\"ses\\\", \\\"none\\\"]"));

        JsonNode table = root.resource("aws_dynamodb_table", "feedback");
        assertEquals("local.feedback_enabled ? 1 : 0", expr(table.path("count")));
        assertEquals("pk", table.path("hash_key").asText());
        assertEquals("sk", table.path("range_key").asText());
        assertEquals(
                "expiresAt", table.path("ttl").get(0).path("attribute_name").asText());
        assertEquals("aws_dynamodb_table.feedback[0].arn", expr(call.path("feedback_table_arn")));
    }

    @Test
    void theScheduleInvokesTheFunctionsAliasOnTimeThroughItsOwnRole() {
        Module feedback = Module.feedback();
        JsonNode schedule = feedback.resource("aws_scheduler_schedule", "this");

        assertEquals("var.schedule", expr(schedule.path("schedule_expression")));
        assertEquals(
                "rate(15 minutes)",
                feedback.variable("schedule").path("default").asText());
        assertEquals(
                "OFF", schedule.path("flexible_time_window").get(0).path("mode").asText());
        JsonNode target = schedule.path("target").get(0);
        assertEquals("module.function.alias_arn", expr(target.path("arn")));
        assertEquals("aws_iam_role.scheduler[0].arn", expr(target.path("role_arn")));
        assertEquals(
                "var.feedback.schedule",
                expr(Module.root().moduleCall("feedback").path("schedule")));
    }

    @Test
    void theSchedulersRoleMayInvokeThisFunctionAndNothingElse() {
        Module feedback = Module.feedback();
        JsonNode invoke = feedback.data("aws_iam_policy_document", "scheduler");

        assertEquals(1, invoke.path("statement").size());
        JsonNode statement = invoke.path("statement").get(0);
        assertEquals(List.of("lambda:InvokeFunction"), Policies.texts(statement.path("actions")));
        assertEquals(List.of("module.function.alias_arn"), Policies.texts(statement.path("resources")));
        assertEquals(
                "data.aws_iam_policy_document.scheduler[0].json",
                expr(feedback.resource("aws_iam_role_policy", "scheduler").path("policy")));
        assertEquals(
                "aws_iam_role.scheduler[0].id",
                expr(feedback.resource("aws_iam_role_policy", "scheduler").path("role")));

        JsonNode trust = feedback.data("aws_iam_policy_document", "scheduler_assume")
                .path("statement")
                .get(0);
        assertEquals(
                List.of("scheduler.amazonaws.com"),
                Policies.texts(trust.path("principals").get(0).path("identifiers")));
        assertEquals(
                List.of("data.aws_caller_identity.current.account_id"),
                Policies.texts(Policies.conditions(trust, "variable")
                        .get("aws:SourceAccount")
                        .path("values")));
    }

    @Test
    void oneRunAtATimeReadsTheMailboxWithTheHandlerOfTheChosenSource() {
        Module feedback = Module.feedback();

        assertEquals(
                "local.imap ? 1 : -1", expr(feedback.moduleCall("function").path("reserved_concurrent_executions")));
        assertEquals(
                "local.imap ? \"dev.listwire.feedback.MailboxFeedbackHandler::handleRequest\""
                        + " : \"dev.listwire.feedback.SesFeedbackHandler::handleRequest\"",
                expr(feedback.local("handler")));
        assertEquals("local.handler", expr(feedback.moduleCall("function").path("handler")));
        assertEquals("var.source_kind == \"imap\"", expr(feedback.local("imap")));
        assertEquals("var.source_kind == \"ses\"", expr(feedback.local("ses")));
    }

    @Test
    void nothingIsCreatedForTheSourceNotChosen() {
        Module feedback = Module.feedback();
        Set<String> shared = Set.of("data aws_caller_identity.current", "data aws_partition.current");
        for (Hcl.File file : feedback.files()) {
            String guard = file.path().endsWith("/imap.tf")
                    ? "local.imap ? 1 : 0"
                    : file.path().endsWith("/ses.tf") ? "local.ses ? 1 : 0" : null;
            if (guard == null) {
                continue;
            }
            blocks(file)
                    .forEach((address, body) -> assertTrue(
                            shared.contains(address)
                                    || expr(body.path("count")).equals(guard)
                                    || expr(body.path("for_each")).equals("local.ses_notification_types"),
                            file.path() + ": " + address + " is created whatever the source"));
        }
        assertTrue(expr(feedback.local("ses_notification_types"))
                .startsWith(
                        "local.ses && var.ses_identity != null ? toset([\"Bounce\", \"Complaint\", \"Delivery\"])"));
        String environment = expr(feedback.local("environment"));
        assertTrue(environment.contains("local.imap ? { LISTWIRE_FEEDBACK_MAILBOX_HOST"), environment);
        JsonNode queueStatement = feedback.data("aws_iam_policy_document", "function")
                .path("dynamic")
                .path("statement")
                .get(0);
        assertEquals("local.ses ? [aws_sqs_queue.this[0].arn] : []", expr(queueStatement.path("for_each")));
    }

    @Test
    void theFunctionIsGivenWhatTheContractNames() {
        Set<String> names = new TreeSet<>();
        Matcher m = ENV_NAME.matcher(expr(Module.feedback().local("environment")));
        while (m.find()) {
            names.add(m.group(1));
        }
        assertEquals(
                Set.of(
                        "LISTWIRE_LEDGER_TABLE",
                        "LISTWIRE_EVENTS_TABLE",
                        "LISTWIRE_SUPPRESSION_TABLE",
                        "LISTWIRE_FEEDBACK_TABLE",
                        "LISTWIRE_LINKS_KEY_ID",
                        "LISTWIRE_FEEDBACK_MEMBER_TABLES",
                        "LISTWIRE_FEEDBACK_TRANSIENT_LIMIT",
                        "LISTWIRE_FEEDBACK_TRANSIENT_DAYS",
                        "LISTWIRE_FEEDBACK_MAILBOX_HOST",
                        "LISTWIRE_FEEDBACK_MAILBOX_PORT",
                        "LISTWIRE_FEEDBACK_MAILBOX_HANDLED_FOLDER",
                        "LISTWIRE_FEEDBACK_DLQ_URL"),
                names);
        assertTrue(expr(Module.feedback().local("environment"))
                .contains("join(\",\", [for list, table in var.member_tables : \"${list}=${table.name}\"])"));
        assertEquals(
                "var.ssm_parameters",
                expr(Module.feedback().moduleCall("function").path("ssm_parameters")));
        assertEquals(
                "local.ssm_parameters",
                expr(Module.root().moduleCall("feedback").path("ssm_parameters")));
    }

    @Test
    void theFunctionIsGivenOnlyWhatTheAppReads() {
        Path common = Repository.root().resolve("common/src/main");
        Set<String> reads = AppSources.environmentNames(
                List.of(Repository.root().resolve("feedback/src/main/java"), common.resolve("java")),
                List.of(common.resolve("resources/application.properties")));
        Set<String> given = new TreeSet<>();
        for (JsonNode environment : List.of(
                Module.feedback().local("environment"), Module.function().local("environment"))) {
            Matcher m = ENV_NAME.matcher(expr(environment));
            while (m.find()) {
                given.add(m.group(1));
            }
        }
        for (String name : given) {
            assertTrue(
                    AppSources.reads(reads, name), "modules/feedback sets " + name + ", which the app does not read");
        }
        // Both handlers Terraform names are request handlers of the app (SQS batches for ses).
        Path app = Repository.root().resolve("feedback/src/main/java/dev/listwire/feedback");
        assertTrue(AppSources.read(app.resolve("MailboxFeedbackHandler.java"))
                .contains("public final class MailboxFeedbackHandler extends MicronautRequestHandler<"));
        assertTrue(AppSources.read(app.resolve("SesFeedbackHandler.java"))
                .contains("public final class SesFeedbackHandler extends MicronautRequestHandler<SQSEvent, "
                        + "SQSBatchResponse>"));
    }

    @Test
    void nothingItDeploysBillsWhileIdle() {
        // Billed per request or message, or not at all; a new resource type here has to be added on purpose.
        Set<String> perUse = Set.of(
                "aws_scheduler_schedule",
                "aws_iam_role",
                "aws_iam_role_policy",
                "aws_iam_policy_document",
                "aws_caller_identity",
                "aws_partition",
                "aws_sns_topic",
                "aws_sns_topic_policy",
                "aws_sns_topic_subscription",
                "aws_sqs_queue",
                "aws_sqs_queue_policy",
                "aws_sqs_queue_redrive_allow_policy",
                "aws_lambda_event_source_mapping",
                "aws_ses_identity_notification_topic");
        Module.feedback().resourcesAndData().keySet().forEach(address -> {
            String type = address.substring(address.indexOf(' ') + 1, address.indexOf('.'));
            assertTrue(perUse.contains(type), "modules/feedback " + address + " may bill while idle");
        });
    }

    /** The resource and data blocks of one file: "resource aws_sqs_queue.this" → body. */
    private static Map<String, JsonNode> blocks(Hcl.File file) {
        Map<String, JsonNode> found = new java.util.LinkedHashMap<>();
        for (String kind : List.of("resource", "data")) {
            file.body()
                    .path(kind)
                    .fields()
                    .forEachRemaining(type -> type.getValue()
                            .fields()
                            .forEachRemaining(named -> found.put(
                                    kind + " " + type.getKey() + "." + named.getKey(),
                                    named.getValue().get(0))));
        }
        return found;
    }
}
