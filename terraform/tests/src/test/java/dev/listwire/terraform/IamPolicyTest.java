package dev.listwire.terraform;

import static dev.listwire.terraform.Module.expr;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Least privilege: no "*" unless AWS requires it (and a comment says so), each role scoped to its own things. */
class IamPolicyTest {

    static List<Module> modules() {
        return Module.all();
    }

    @ParameterizedTest
    @MethodSource("modules")
    void noStatementAllowsEveryActionOrEveryResource(Module module) {
        module.named("data", "aws_iam_policy_document").forEach((document, body) -> {
            for (JsonNode statement : body.path("statement")) {
                for (JsonNode action : statement.path("actions")) {
                    assertTrue(
                            !action.asText().contains("*") || Comments.justify(module, action.asText()),
                            module + " " + document + ": action " + action
                                    + " needs a comment saying why AWS requires it");
                }
                for (JsonNode resource : statement.path("resources")) {
                    assertTrue(
                            !resource.asText().equals("*") || Comments.justify(module, "\"*\""),
                            module + " " + document + ": resource \"*\" needs a comment saying why AWS requires it");
                }
            }
        });
    }

    @ParameterizedTest
    @MethodSource("modules")
    void everyPolicyIsAPolicyDocumentNotHandWrittenJson(Module module) {
        module.named("resource", "aws_iam_role_policy")
                .forEach((name, policy) -> assertTrue(
                        expr(policy.path("policy")).matches("data\\.aws_iam_policy_document\\.\\w+(\\[0\\])?\\.json"),
                        module + " aws_iam_role_policy." + name));
    }

    @ParameterizedTest
    @MethodSource("modules")
    void aPublicPrincipalIsExplainedWhereItIsGranted(Module module) {
        module.named("resource", "aws_lambda_permission").forEach((name, permission) -> {
            if (permission.path("principal").asText().equals("*")) {
                assertTrue(
                        Comments.justify(module, "principal"),
                        module + " aws_lambda_permission." + name
                                + " grants principal \"*\" without a comment saying why AWS requires it");
            }
        });
    }

    @Test
    void aListFunctionTouchesOnlyItsOwnQueuesTableLedgerEntriesAndSecrets() {
        Map<String, JsonNode> statements = Policies.statements(Module.list(), "function");

        assertEquals(List.of("aws_sqs_queue.this.arn"), resources(statements.get("ConsumeOwnQueue")));
        assertEquals(List.of("aws_sqs_queue.this.arn"), resources(statements.get("ContinueOnOwnQueue")));
        assertEquals(List.of("sqs:SendMessage"), actions(statements.get("ContinueOnOwnQueue")));
        assertEquals(List.of("aws_sqs_queue.dlq.arn"), resources(statements.get("DeadLetterToOwnDlq")));
        assertEquals(List.of("sqs:SendMessage"), actions(statements.get("DeadLetterToOwnDlq")));
        assertEquals(List.of("aws_dynamodb_table.members.arn"), resources(statements.get("ReadOwnMembers")));
        assertTrue(
                actions(statements.get("ReadOwnMembers")).stream()
                        .allMatch(a -> List.of("dynamodb:Scan", "dynamodb:GetItem", "dynamodb:Query")
                                .contains(a)),
                "members are only read");
        assertEquals(List.of("var.ledger_table_arn"), resources(statements.get("WriteOwnLedgerEntries")));
        assertEquals(
                Set.of(
                        "ConsumeOwnQueue",
                        "ContinueOnOwnQueue",
                        "CountOwnAccountSends",
                        "DeadLetterToOwnDlq",
                        "ReadOwnMembers",
                        "ReadSuppressions",
                        "SummarizeOwnEvents",
                        "SuppressRefusedAddresses",
                        "WriteOwnLedgerEntries"),
                statements.keySet());
    }

    @Test
    void aListReadsTheSuppressionListAndOnlyAddsToItWithTheSuppressionAttributes() throws Exception {
        Map<String, JsonNode> statements = Policies.statements(Module.list(), "function");
        JsonNode read = statements.get("ReadSuppressions");
        JsonNode write = statements.get("SuppressRefusedAddresses");

        assertEquals(List.of("dynamodb:BatchGetItem"), actions(read));
        assertEquals(List.of("dynamodb:UpdateItem"), actions(write));
        assertEquals(List.of("var.suppression_table_arn"), resources(read));
        assertEquals(List.of("var.suppression_table_arn"), resources(write));
        assertEquals(
                "aws_dynamodb_table.suppressions.arn",
                expr(Module.root().moduleCall("list").path("suppression_table_arn")));
        Map<String, JsonNode> conditions = Policies.conditions(write, "variable");
        assertEquals(
                "ForAllValues:StringEquals",
                conditions.get("dynamodb:Attributes").path("test").asText());
        // The attributes SuppressionKeys names are exactly those the policy lets an update write.
        Path keys =
                Repository.root().resolve("common/src/main/java/dev/listwire/common/suppression/SuppressionKeys.java");
        Set<String> named = new TreeSet<>();
        Matcher constant =
                Pattern.compile("static final String \\w+ = \"([^\"]+)\"").matcher(Files.readString(keys));
        while (constant.find()) {
            named.add(constant.group(1));
        }
        Set<String> allowed = new TreeSet<>();
        conditions.get("dynamodb:Attributes").path("values").forEach(v -> allowed.add(v.asText()));
        assertEquals(named, allowed);
        assertEquals(
                "[\"NONE\"]",
                conditions.get("dynamodb:ReturnValues").path("values").toString());
    }

    @Test
    void everyFunctionReadsOnlyItsNamedSecretsAndWritesOnlyItsLogsBesideWhatItsCallerAllows() {
        JsonNode document = Module.function().data("aws_iam_policy_document", "this");

        assertEquals(
                "[\"${var.policy_json}\"]",
                document.path("source_policy_documents").toString());
        JsonNode logs = Policies.statements(Module.function(), "this").get("WriteOwnLogs");
        assertEquals(List.of("${aws_cloudwatch_log_group.this.arn}:*"), resources(logs));
        assertEquals(List.of("logs:CreateLogStream", "logs:PutLogEvents"), actions(logs));
        JsonNode secrets = Policies.statements(Module.function(), "this").get("ReadOwnSecrets");
        assertEquals(
                "[for name in local.secret_names : \"${var.ssm_parameter_arn_prefix}${name}\"]",
                expr(secrets.path("resources")));
        assertEquals(List.of("ssm:GetParameters"), actions(secrets));
        for (Module caller : List.of(Module.list(), Module.subscriptions())) {
            assertEquals(
                    "data.aws_iam_policy_document.function.json",
                    expr(caller.moduleCall("function").path("policy_json")),
                    caller.toString());
        }
    }

    @Test
    void aListWritesOnlyLedgerEntriesWhoseKeyStartsWithItsName() {
        JsonNode ledger = Policies.statements(Module.list(), "function").get("WriteOwnLedgerEntries");
        Map<String, JsonNode> conditions = Policies.conditions(ledger, "test");

        JsonNode leading = conditions.get("ForAllValues:StringLike");
        assertEquals("dynamodb:LeadingKeys", leading.path("variable").asText());
        assertEquals("[\"${var.name}#*\"]", leading.path("values").toString());
        JsonNode present = conditions.get("Null");
        assertEquals("dynamodb:LeadingKeys", present.path("variable").asText());
        assertEquals("[\"false\"]", present.path("values").toString());
    }

    @Test
    void aListUpdatesAndReadsOnlyItsOwnEventsSummaries() {
        JsonNode events = Policies.statements(Module.list(), "function").get("SummarizeOwnEvents");
        Map<String, JsonNode> conditions = Policies.conditions(events, "test");

        assertEquals(List.of("dynamodb:UpdateItem", "dynamodb:GetItem"), actions(events));
        assertEquals(List.of("var.events_table_arn"), resources(events));
        assertEquals(
                "aws_dynamodb_table.events.arn",
                expr(Module.root().moduleCall("list").path("events_table_arn")));
        JsonNode leading = conditions.get("ForAllValues:StringEquals");
        assertEquals("dynamodb:LeadingKeys", leading.path("variable").asText());
        assertEquals("[\"${var.name}\"]", leading.path("values").toString());
        assertEquals("[\"false\"]", conditions.get("Null").path("values").toString());
        assertTrue(expr(Module.list().local("environment")).contains("LISTWIRE_EVENTS_TABLE = var.events_table_name"));
    }

    @Test
    void aListCountsSendsOnlyUnderItsOwnSendingAccount() {
        JsonNode counters = Policies.statements(Module.list(), "function").get("CountOwnAccountSends");
        Map<String, JsonNode> conditions = Policies.conditions(counters, "test");

        assertEquals(List.of("var.sending_table_arn"), resources(counters));
        assertEquals(
                Set.of("dynamodb:UpdateItem", "dynamodb:GetItem", "dynamodb:BatchGetItem"),
                Set.copyOf(actions(counters)));
        JsonNode leading = conditions.get("ForAllValues:StringEquals");
        assertEquals("dynamodb:LeadingKeys", leading.path("variable").asText());
        assertEquals("[\"${var.sending.account}\"]", leading.path("values").toString());
        assertEquals("[\"false\"]", conditions.get("Null").path("values").toString());
    }

    @Test
    void aProducerMaySendToItsListAndDoNothingElse() {
        JsonNode producer = Module.list().data("aws_iam_policy_document", "producer");

        assertEquals(1, producer.path("statement").size());
        JsonNode statement = producer.path("statement").get(0);
        assertEquals(List.of("sqs:SendMessage"), actions(statement));
        assertEquals(List.of("aws_sqs_queue.this.arn"), resources(statement));
        assertEquals(
                "data.aws_iam_policy_document.producer.json",
                expr(Module.list()
                        .blocks()
                        .path("output")
                        .path("producer_policy_json")
                        .get(0)
                        .path("value")));
        assertEquals(
                "{ for name, list in module.list : name => list.producer_policy_json }",
                expr(Module.root()
                        .blocks()
                        .path("output")
                        .path("producer_policies")
                        .get(0)
                        .path("value")));
    }

    @Test
    void theSubscriptionsFunctionMayOnlyTakeAnAddressOffTheSuppressionList() {
        JsonNode unsuppress =
                Policies.statements(Module.subscriptions(), "function").get("UnsuppressOnJoin");

        assertEquals(List.of("dynamodb:DeleteItem"), actions(unsuppress));
        assertEquals(List.of("var.suppression_table_arn"), resources(unsuppress));
        assertEquals(
                "aws_dynamodb_table.suppressions.arn",
                expr(Module.root().moduleCall("subscriptions").path("suppression_table_arn")));
    }

    @Test
    void theSubscriptionsFunctionReachesOnlyTheListTables() {
        JsonNode members =
                Policies.statements(Module.subscriptions(), "function").get("ManageMembersOfListTables");

        assertEquals("values(var.list_tables)", expr(members.path("resources")));
        assertTrue(actions(members).stream().allMatch(a -> a.startsWith("dynamodb:")));
        assertTrue(
                !actions(members).contains("dynamodb:Scan") && !actions(members).contains("dynamodb:DeleteTable"));
    }

    private static List<String> actions(JsonNode statement) {
        return Policies.texts(statement.path("actions"));
    }

    private static List<String> resources(JsonNode statement) {
        return Policies.texts(statement.path("resources"));
    }
}
