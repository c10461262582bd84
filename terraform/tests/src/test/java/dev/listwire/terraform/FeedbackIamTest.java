package dev.listwire.terraform;

import static dev.listwire.terraform.Module.expr;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The feedback function's role, as narrow as the lists': on the ledger, the events' summaries and the members
 * tables it may write only the attributes a report sets; on the suppression list only what a list may.
 */
class FeedbackIamTest {

    private static final Path APP = Repository.root().resolve("feedback/src/main/java/dev/listwire/feedback");
    private static final Path COMMON = Repository.root().resolve("common/src/main/java/dev/listwire/common");

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

        // The ledger's key and the marks FeedbackMark.Kind names, read from the sources DeliveryFeedback uses.
        Path items = COMMON.resolve("ledger/LedgerItems.java");
        Set<String> attributes = new TreeSet<>(matches(COMMON.resolve("events/FeedbackMark.java"), KIND));
        attributes.add(AppSources.constant(items, "KEY"));
        attributes.add(AppSources.constant(items, "EMAIL"));
        assertEquals(Set.of("event", "email", "bounce", "softBounce", "complaint"), attributes);
        assertUpdatesOnly(ledger, "var.ledger_table_arn", attributes);
        assertTrue(
                AppSources.read(COMMON.resolve("events/DeliveryFeedback.java")).contains("ReturnValue.UPDATED_OLD"));
        assertEquals(
                Set.of("NONE", "UPDATED_OLD"),
                new TreeSet<>(Policies.texts(returnValues(ledger).path("values"))),
                "the old mark comes back, so that a report read twice counts once");
        assertEquals("aws_dynamodb_table.ledger.arn", expr(rootCall().path("ledger_table_arn")));
    }

    @Test
    void onTheEventSummariesItOnlyCountsBouncesAndComplaints() {
        JsonNode events = statements().get("CountOnEventSummaries");

        // The summary's key and the counters the marks feed (FeedbackMark.Kind → SummaryCount).
        Path summary = COMMON.resolve("events/SummaryItems.java");
        Set<String> attributes = new TreeSet<>();
        String counts = AppSources.read(COMMON.resolve("events/SummaryCount.java"));
        for (String count : matches(COMMON.resolve("events/FeedbackMark.java"), KIND_COUNT)) {
            Matcher m = Pattern.compile("\\b" + count + "\\(\"(\\w+)\"\\)").matcher(counts);
            assertTrue(m.find(), count);
            attributes.add(m.group(1));
        }
        attributes.add(AppSources.constant(summary, "LIST"));
        attributes.add(AppSources.constant(summary, "EVENT_ID"));
        assertEquals(Set.of("list", "eventId", "bounced", "softBounced", "complaints"), attributes);
        assertUpdatesOnly(events, "var.events_table_arn", attributes);
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

        // What FeedbackActions SETs on the member's item, and the key its condition names.
        Matcher set = Pattern.compile("updateExpression\\(\"SET ([^\"]+)\"\\)")
                .matcher(AppSources.read(APP.resolve("FeedbackActions.java")));
        assertTrue(set.find(), "FeedbackActions sets no member attribute");
        Set<String> attributes = new TreeSet<>(Set.of("email"));
        for (String assignment : set.group(1).split(",")) {
            attributes.add(assignment.substring(0, assignment.indexOf('=')).strip());
        }
        assertUpdatesOnly(members, "[for table in values(var.member_tables) : table.arn]", attributes);
        assertEquals(Set.of("email", "complainedAt", "complaint"), attributes);
        assertEquals(List.of("NONE"), Policies.texts(returnValues(members).path("values")));
        assertEquals(
                "{ for name, list in module.list : name => { name = list.table_name, arn = list.table_arn } }",
                expr(rootCall().path("member_tables")));
    }

    @Test
    void itKeepsItsOwnStateAndReadsOnlyItsOwnQueue() {
        JsonNode state = statements().get("KeepOwnState");
        assertEquals(
                AppSources.dynamoDbActions(APP.resolve("FeedbackState.java")),
                new TreeSet<>(Policies.texts(state.path("actions"))));
        assertEquals(List.of("var.feedback_table_arn"), Policies.texts(state.path("resources")));

        Map<String, JsonNode> ses = new TreeMap<>();
        Module.feedback()
                .data("aws_iam_policy_document", "function")
                .path("dynamic")
                .path("statement")
                .forEach(
                        d -> ses.put(expr(d.path("for_each")), d.path("content").get(0)));
        JsonNode queue = ses.get("local.ses ? [aws_sqs_queue.this[0].arn] : []");
        assertEquals("ConsumeOwnQueue", queue.path("sid").asText());
        assertEquals(
                List.of("sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes"),
                Policies.texts(queue.path("actions")));
        assertEquals(List.of("statement.value"), Policies.texts(queue.path("resources")));
        JsonNode dlq = ses.get("local.ses ? [aws_sqs_queue.dlq[0].arn] : []");
        assertEquals("DeadLetterToOwnDlq", dlq.path("sid").asText());
        assertEquals(List.of("sqs:SendMessage"), Policies.texts(dlq.path("actions")));
        assertEquals(2, ses.size(), "the ses source's statements: " + ses.keySet());
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

    private static final Pattern KIND = Pattern.compile("\\w+\\(\"(\\w+)\", SummaryCount\\.\\w+\\)");
    private static final Pattern KIND_COUNT = Pattern.compile("\\w+\\(\"\\w+\", SummaryCount\\.(\\w+)\\)");

    private static List<String> matches(Path file, Pattern pattern) {
        List<String> found = new java.util.ArrayList<>();
        Matcher m = pattern.matcher(AppSources.read(file));
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static JsonNode rootCall() {
        return Module.root().moduleCall("feedback");
    }
}
