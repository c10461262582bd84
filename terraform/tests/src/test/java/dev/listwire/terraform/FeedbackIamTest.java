package dev.listwire.terraform;

import static dev.listwire.terraform.Module.expr;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The feedback function's role, as narrow as the lists': on the ledger, the events' summaries and the members
 * tables it may write only the attributes a report sets; on the suppression list only what a list may.
 */
class FeedbackIamTest {

    private static Map<String, JsonNode> statements() {
        return Policies.statements(Module.feedback(), "function");
    }

    @Test
    void itMayDoWhatAReportNeedsAndNothingElse() {
        assertEquals(
                Set.of(
                        "MarkDeliveriesOnTheLedger",
                        "CountOnEventSummaries",
                        "SuppressBouncedAndComplainingAddresses",
                        "RecordComplaintsOnMembers",
                        "KeepOwnState"),
                statements().keySet());
        for (JsonNode statement : statements().values()) {
            Policies.texts(statement.path("actions")).forEach(a -> assertFalse(a.contains("*"), a));
            Policies.texts(statement.path("resources")).forEach(r -> assertFalse(r.contains("*"), r));
        }
        assertEquals(
                "data.aws_iam_policy_document.function.json",
                expr(Module.feedback().moduleCall("function").path("policy_json")));
    }

    @Test
    void onTheLedgerItOnlySetsTheMarksOfADelivery() {
        JsonNode ledger = statements().get("MarkDeliveriesOnTheLedger");

        assertUpdatesOnly(
                ledger, "var.ledger_table_arn", Set.of("event", "email", "bounce", "softBounce", "complaint"));
        assertEquals(
                Set.of("NONE", "UPDATED_OLD"),
                new TreeSet<>(Policies.texts(returnValues(ledger).path("values"))),
                "the old mark comes back, so that a report read twice counts once");
        assertEquals("aws_dynamodb_table.ledger.arn", expr(rootCall().path("ledger_table_arn")));
    }

    @Test
    void onTheEventSummariesItOnlyCountsBouncesAndComplaints() {
        JsonNode events = statements().get("CountOnEventSummaries");

        assertUpdatesOnly(
                events, "var.events_table_arn", Set.of("list", "eventId", "bounced", "softBounced", "complaints"));
        assertEquals(List.of("NONE"), Policies.texts(returnValues(events).path("values")));
        assertEquals("aws_dynamodb_table.events.arn", expr(rootCall().path("events_table_arn")));
    }

    @Test
    void itSuppressesExactlyAsAListFunctionDoes() {
        JsonNode feedback = statements().get("SuppressBouncedAndComplainingAddresses");
        JsonNode list = Policies.statements(Module.list(), "function").get("SuppressRefusedAddresses");

        assertEquals(Policies.texts(list.path("actions")), Policies.texts(feedback.path("actions")));
        assertEquals(List.of("var.suppression_table_arn"), Policies.texts(feedback.path("resources")));
        assertEquals(
                Policies.conditions(list, "variable").toString(),
                Policies.conditions(feedback, "variable").toString());
        assertEquals("aws_dynamodb_table.suppressions.arn", expr(rootCall().path("suppression_table_arn")));
    }

    @Test
    void onEveryListsMembersItOnlyRecordsAComplaint() {
        JsonNode members = statements().get("RecordComplaintsOnMembers");

        assertUpdatesOnly(
                members,
                "[for table in values(var.member_tables) : table.arn]",
                Set.of("email", "complainedAt", "complaint"));
        assertEquals(List.of("NONE"), Policies.texts(returnValues(members).path("values")));
        assertEquals(
                "{ for name, list in module.list : name => { name = list.table_name, arn = list.table_arn } }",
                expr(rootCall().path("member_tables")));
    }

    @Test
    void itKeepsItsOwnStateAndReadsOnlyItsOwnQueue() {
        JsonNode state = statements().get("KeepOwnState");
        assertEquals(
                Set.of(
                        "dynamodb:GetItem",
                        "dynamodb:PutItem",
                        "dynamodb:UpdateItem",
                        "dynamodb:DeleteItem",
                        "dynamodb:Query"),
                new TreeSet<>(Policies.texts(state.path("actions"))));
        assertEquals(List.of("var.feedback_table_arn"), Policies.texts(state.path("resources")));

        JsonNode queue = Module.feedback()
                .data("aws_iam_policy_document", "function")
                .path("dynamic")
                .path("statement")
                .get(0)
                .path("content")
                .get(0);
        assertEquals("ConsumeOwnQueue", queue.path("sid").asText());
        assertEquals(
                List.of("sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes"),
                Policies.texts(queue.path("actions")));
        assertEquals(List.of("statement.value"), Policies.texts(queue.path("resources")));
    }

    private static void assertUpdatesOnly(JsonNode statement, String resources, Set<String> attributes) {
        assertEquals(List.of("dynamodb:UpdateItem"), Policies.texts(statement.path("actions")));
        JsonNode given = statement.path("resources");
        assertEquals(resources, given.isArray() ? String.join(", ", Policies.texts(given)) : expr(given));
        JsonNode limit = Policies.conditions(statement, "variable").get("dynamodb:Attributes");
        assertEquals("ForAllValues:StringEquals", limit.path("test").asText());
        assertEquals(new TreeSet<>(attributes), new TreeSet<>(Policies.texts(limit.path("values"))));
    }

    private static JsonNode returnValues(JsonNode statement) {
        JsonNode condition = Policies.conditions(statement, "variable").get("dynamodb:ReturnValues");
        assertEquals("StringEqualsIfExists", condition.path("test").asText());
        return condition;
    }

    private static JsonNode rootCall() {
        return Module.root().moduleCall("feedback");
    }
}
