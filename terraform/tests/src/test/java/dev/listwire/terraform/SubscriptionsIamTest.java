package dev.listwire.terraform;

import static dev.listwire.terraform.Module.expr;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The subscriptions function's IAM policy, checked against the calls the app makes: the list tables, its
 * counters in the ledger, the lists' sending account, and nothing else.
 */
class SubscriptionsIamTest {

    private static final Path APP = Repository.root().resolve("subscriptions/src/main/java/dev/listwire/subscriptions");
    private static final Path COMMON = Repository.root().resolve("common/src/main");

    @Test
    void itMayTouchOnlyTheListTablesAndItsOwnLedgerCountersWithTheCallsTheAppMakes() {
        Map<String, JsonNode> statements = Policies.statements(Module.subscriptions(), "function");
        assertEquals(
                Set.of(
                        "ManageMembersOfListTables",
                        "ChangeOnlyMembershipAttributes",
                        "CountLinkRequests",
                        "ReserveFromTheSendingAccount",
                        "UnsuppressOnJoin"),
                statements.keySet());

        JsonNode members = statements.get("ManageMembersOfListTables");
        JsonNode changes = statements.get("ChangeOnlyMembershipAttributes");
        Set<String> memberActions = new TreeSet<>(Policies.texts(members.path("actions")));
        memberActions.addAll(Policies.texts(changes.path("actions")));
        assertEquals(
                AppSources.dynamoDbActions(COMMON.resolve("java/dev/listwire/common/members/Memberships.java")),
                memberActions);
        assertEquals("values(var.list_tables)", expr(members.path("resources")));
        assertEquals("values(var.list_tables)", expr(changes.path("resources")));

        JsonNode ledger = statements.get("CountLinkRequests");
        Path limit = APP.resolve("LinkRequestLimit.java");
        assertEquals(AppSources.dynamoDbActions(limit), new TreeSet<>(Policies.texts(ledger.path("actions"))));
        assertEquals(List.of("var.ledger_table_arn"), Policies.texts(ledger.path("resources")));
        assertEquals("aws_dynamodb_table.ledger.arn", expr(subscriptionsCall().path("ledger_table_arn")));
        Map<String, JsonNode> conditions = Policies.conditions(ledger, "test");
        assertEquals(
                "dynamodb:LeadingKeys",
                conditions.get("ForAllValues:StringLike").path("variable").asText());
        assertEquals(
                List.of(AppSources.constant(limit, "KEY_PREFIX") + "*"),
                Policies.texts(conditions.get("ForAllValues:StringLike").path("values")));
        assertEquals(List.of("false"), Policies.texts(conditions.get("Null").path("values")));

        for (JsonNode statement : statements.values()) {
            Policies.texts(statement.path("actions")).forEach(a -> assertFalse(a.contains("*"), a));
            Policies.texts(statement.path("resources")).forEach(r -> assertFalse(r.contains("*"), r));
        }
    }

    @Test
    void itReservesItsEmailsFromTheListsSendingAccountAndTouchesOnlyThatAccountsItems() {
        JsonNode sending =
                Policies.statements(Module.subscriptions(), "function").get("ReserveFromTheSendingAccount");
        Path account = COMMON.resolve("java/dev/listwire/common/quota/SendingAccount.java");
        Set<String> calls = new TreeSet<>(AppSources.dynamoDbActions(account));
        calls.addAll(AppSources.dynamoDbActions(COMMON.resolve("java/dev/listwire/common/quota/PastHours.java")));

        assertEquals(calls, new TreeSet<>(Policies.texts(sending.path("actions"))));
        assertEquals(List.of("var.sending_table_arn"), Policies.texts(sending.path("resources")));
        Map<String, JsonNode> conditions = Policies.conditions(sending, "test");
        assertEquals(
                List.of("var.sending.account"),
                Policies.texts(conditions.get("ForAllValues:StringEquals").path("values")));
        assertEquals(List.of("false"), Policies.texts(conditions.get("Null").path("values")));
        assertEquals("aws_dynamodb_table.sending.arn", expr(subscriptionsCall().path("sending_table_arn")));
        assertEquals("var.sending", expr(subscriptionsCall().path("sending")), "the lists' own account and limits");
        assertEquals("var.sending", expr(Module.root().moduleCall("list").path("sending")));
    }

    @Test
    void itWritesOnlyTheAttributesMembershipsWritesAndGetsNoValuesBack() {
        JsonNode changes =
                Policies.statements(Module.subscriptions(), "function").get("ChangeOnlyMembershipAttributes");
        Map<String, JsonNode> conditions = Policies.conditions(changes, "variable");

        JsonNode attributes = conditions.get("dynamodb:Attributes");
        assertEquals("ForAllValues:StringEquals", attributes.path("test").asText());
        Path member = COMMON.resolve("java/dev/listwire/common/members/Member.java");
        Set<String> written = new TreeSet<>(Set.of(
                "email",
                AppSources.constant(member, "STATUS"),
                AppSources.constant(member, "SUBSCRIBED_AT"),
                AppSources.constant(member, "UNSUBSCRIBED_AT")));
        assertEquals(written, new TreeSet<>(Policies.texts(attributes.path("values"))));
        String memberships = AppSources.read(COMMON.resolve("java/dev/listwire/common/members/Memberships.java"));
        assertFalse(
                memberships.contains("returnValues"), "Memberships asks for no values back, as the condition allows");
        assertEquals(
                List.of("NONE"),
                Policies.texts(conditions.get("dynamodb:ReturnValues").path("values")));
        assertEquals(Set.of("dynamodb:UpdateItem"), new TreeSet<>(Policies.texts(changes.path("actions"))));
    }

    private static JsonNode subscriptionsCall() {
        return Module.root().moduleCall("subscriptions");
    }
}
