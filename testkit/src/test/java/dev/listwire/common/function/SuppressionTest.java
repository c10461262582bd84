package dev.listwire.common.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import dev.listwire.common.ledger.LedgerItems;
import dev.listwire.common.logging.JsonLines;
import dev.listwire.common.mail.SmtpPhase;
import dev.listwire.common.mail.SmtpReply;
import dev.listwire.common.suppression.SuppressionCause;
import dev.listwire.common.suppression.SuppressionList;
import dev.listwire.common.suppression.SuppressionReason;
import dev.listwire.testkit.ListUnderTest;
import dev.listwire.testkit.SqsEvents;
import dev.listwire.testkit.TableCalls;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The suppression list shared by all lists: every send skips the addresses on it, and a refusal for good adds one. */
class SuppressionTest {

    private static final String AAPL = "{\"ticker\":\"AAPL\",\"price\":189.95}";

    @RegisterExtension
    final ListUnderTest<FixtureFunction> list = ListUnderTest.of("classpath:fixture-list.json", FixtureFunction::new);

    @Test
    void skipsASuppressedMemberTakesNoClaimAndSendsTheRest() {
        list.members().add("ada@example.com").add("Bob@Example.com").add("grace@example.com");
        suppressions().suppress("bob@example.com", SuppressionCause.manual(SuppressionReason.MANUAL, "asked"));

        SQSBatchResponse response = list.handle(SqsEvents.ofBody("m-1", AAPL));

        assertTrue(response.getBatchItemFailures().isEmpty());
        assertEquals(List.of("ada@example.com", "grace@example.com"), list.recipients());
        Map<String, Object> finished = list.logs().lines("event-finished").get(0);
        assertEquals(Map.of("suppressed", 1), finished.get("skippedReasons"));
        assertEquals(2, finished.get("sent"));
        Map<String, Object> skipped = list.logs().lines("recipient-skipped").get(0);
        assertEquals("suppressed", skipped.get("reason"));
        assertEquals(pseudonym("Bob@Example.com"), skipped.get("recipient"));
        assertEquals(2L, ledgerItems(), "no claim for the suppressed member");
    }

    @Test
    void readsTheSuppressionListOnceEveryHundredMembersToSend() {
        // 250 to send, 30 who left: the ones who left are not looked up.
        list.members().many("member", 250);
        for (int i = 0; i < 30; i++) {
            list.members().unsubscribed("gone" + i + "@example.com");
        }

        list.handle(SqsEvents.ofBody("m-1", AAPL));

        assertEquals(250, list.inbox().all().size());
        int calls = TableCalls.count(list.fixture().suppressionTable(), "BatchGetItem");
        assertTrue(calls >= 3 && calls <= 4, "280 members in batches of 100: 3 calls, 4 at most; got " + calls);
    }

    @Test
    void aRefusalForGoodPutsTheAddressOnTheListAndTheNextEventSkipsIt() {
        list.members().add("ada@example.com").add("bounce@example.com");
        list.mail().rejectRecipient("bounce@example.com");

        list.handle(SqsEvents.withAttributes("m-1", AAPL, Map.of("eventId", "close-1")));

        Map<String, AttributeValue> entry = entry("bounce@example.com");
        assertEquals("smtp-refused", entry.get("reason").s());
        assertTrue(entry.get("reply").s().startsWith("550"), entry.toString());
        assertEquals("fixture-list", entry.get("sourceList").s());
        assertEquals("close-1", entry.get("sourceEvent").s());
        assertEquals("1", entry.get("count").n());

        list.mail().heal();
        list.handle(SqsEvents.ofBody("m-2", AAPL));

        assertEquals(
                List.of("ada@example.com"),
                list.inbox().byRecipient().keySet().stream().toList());
        assertEquals(
                Map.of("suppressed", 1),
                list.logs().lines("event-finished").get(1).get("skippedReasons"),
                "the second event does not try the refused address");
    }

    @Test
    void onlyARefusalAboutTheAddressItselfSuppresses() {
        for (String aboutTheAddress : List.of(
                "550 5.1.1 <bob@example.com>: mailbox unavailable",
                "550-5.1.1 The email account that you tried to reach does not exist.",
                "553 5.1.3 bad destination mailbox address syntax",
                "550 5.2.1 The email account that you tried to reach is disabled.")) {
            assertTrue(atRecipient(aboutTheAddress).badAddress(), aboutTheAddress);
        }
        for (String aboutTheAccount : List.of(
                "550 5.4.5 Daily user sending quota exceeded.",
                "554 5.7.1 Message rejected: policy",
                "530 5.7.0 Authentication required",
                "552 5.3.4 Message size exceeds fixed limit",
                "550 Requested action not taken",
                "451 4.1.1 try again later")) {
            assertTrue(!atRecipient(aboutTheAccount).badAddress(), aboutTheAccount);
        }
    }

    @Test
    void aFailedSuppressionWriteIsLoggedAndTheEventCompletes() {
        // Fake fault: TableCalls refuses UpdateItem on the suppression table (dynalite cannot fail only the write).
        list.members().add("ada@example.com").add("bounce@example.com").add("grace@example.com");
        list.mail().rejectRecipient("bounce@example.com");
        TableCalls.failUpdates(list.fixture().suppressionTable());

        SQSBatchResponse response = list.handle(SqsEvents.ofBody("m-1", AAPL));

        assertTrue(response.getBatchItemFailures().isEmpty(), "the refusal is in the ledger: no retry");
        assertEquals("completed", list.logs().lines("event-finished").get(0).get("outcome"));
        assertEquals(List.of("ada@example.com", "grace@example.com"), list.recipients());
        Map<String, Object> failed =
                list.logs().lines("suppression-write-failed").get(0);
        assertEquals(pseudonym("bounce@example.com"), failed.get("recipient"));
        assertTrue(((String) failed.get("error")).contains("refuses UpdateItem"), failed.toString());
    }

    @Test
    void aSuppressionListThatCannotBeReadFailsTheRunForARetry() {
        list.members().add("ada@example.com");
        try (FixtureFunction unreadable = new FixtureFunction(
                list.property("listwire.suppression.table", "no-such-table").context())) {
            SQSBatchResponse response = unreadable.handleRequest(SqsEvents.ofBody("m-1", AAPL), null);

            assertEquals(1, response.getBatchItemFailures().size(), "SQS retries; nobody is taken as not suppressed");
        }
        assertTrue(list.recipients().isEmpty());
    }

    /** The reply as the server gives it to {@code RCPT TO}, where an address is refused. */
    private static SmtpReply atRecipient(String reply) {
        return SmtpReply.of(SmtpPhase.RCPT_TO, Integer.parseInt(reply.substring(0, 3)), reply);
    }

    private SuppressionList suppressions() {
        return list.function().getApplicationContext().getBean(SuppressionList.class);
    }

    private String pseudonym(String address) {
        return list.function().getApplicationContext().getBean(JsonLines.class).pseudonym(address);
    }

    private Map<String, AttributeValue> entry(String email) {
        return list.stack()
                .dynamoDb()
                .getItem(b -> b.tableName(list.fixture().suppressionTable())
                        .key(Map.of("email", AttributeValue.fromS(email)))
                        .consistentRead(true))
                .item();
    }

    private long ledgerItems() {
        return list.stack().dynamoDb().scan(b -> b.tableName(list.ledgerTable()).consistentRead(true)).items().stream()
                .filter(LedgerItems::isRecipient)
                .count();
    }
}
