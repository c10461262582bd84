package dev.listwire.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.listwire.common.events.EventSummaries;
import dev.listwire.common.events.SummaryCount;
import dev.listwire.common.suppression.SuppressedAddresses;
import dev.listwire.common.suppression.SuppressionConfiguration;
import dev.listwire.common.suppression.SuppressionList;
import dev.listwire.lists.stockmovementalerts.StockMovementAlertsFunction;
import dev.listwire.testkit.Inbox;
import dev.listwire.testkit.ListUnderTest;
import dev.listwire.testkit.SqsEvents;
import dev.listwire.testkit.TestMailServer;
import dev.listwire.testkit.local.Dynalite;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The mailbox source end to end, on real parts: a real list function sends through GreenMail, the reports
 * about its emails arrive in the sending account's mailbox (IMAP APPEND, as a DSN arriving would), and the
 * feedback function reads that mailbox over IMAP and acts on dynalite's tables.
 */
class MailboxFeedbackTest {

    private static final String LINUS = "linus@example.net"; // postfix-permanent.eml's recipient
    private static final String GRACE = "grace@example.org"; // postfix-delayed.eml's
    private static final String BARBARA = "barbara@example.net"; // arf-abuse.eml's
    private static final String ADA = "ada@example.com";
    private static final String EVENT = "{\"ticker\":\"NVDA\",\"price\":131.2,\"changePct\":3.1}";

    @RegisterExtension
    final ListUnderTest<StockMovementAlertsFunction> list = ListUnderTest.of(StockMovementAlertsFunction::new);

    private SendingMailbox mailbox;
    private MailboxFeedbackHandler feedback;

    @BeforeEach
    void feedbackFunction() {
        list.property("listwire.feedback.mailbox.host", "127.0.0.1");
        list.property("listwire.feedback.mailbox.port", list.mail().imapPort());
        list.property("listwire.feedback.mailbox.ssl", false);
        list.property(
                "listwire.feedback.member-tables",
                list.manifest().name() + "=" + list.members().table());
        mailbox = new SendingMailbox(list.mail());
        feedback = new MailboxFeedbackHandler(list.fixture().context());
    }

    @AfterEach
    void close() {
        feedback.close();
    }

    @Test
    void aHardBounceSuppressesTheAddressMarksItsEventAndTheNextEventSkipsIt() throws Exception {
        list.members().add(LINUS).add(ADA);
        list.handle(SqsEvents.withAttributes("m-1", EVENT, Map.of("eventId", "evt-1")));
        mailbox.deliver(Reports.about("postfix-permanent.eml", delivery(LINUS), "dsn-1"));

        Map<String, Object> run = feedback.execute(Map.of());

        assertEquals(Map.of("suppressed", 1), run.get("acted"), run.toString());
        assertEquals(List.of(LINUS), List.copyOf(suppressed(LINUS, ADA)));
        Map<String, AttributeValue> ledger = ledgerItem("evt-1", LINUS);
        assertEquals("5.1.1", ledger.get("bounce").m().get("status").s());
        assertEquals(
                1, summaries().one(listName(), "evt-1").orElseThrow().counts().get(SummaryCount.BOUNCED));
        assertEquals(List.of(), mailbox.in("INBOX"), "the DSN acted on is moved out of the inbox");
        assertEquals(1, mailbox.in("listwire-feedback").size());

        list.handle(SqsEvents.withAttributes("m-2", EVENT, Map.of("eventId", "evt-2")));

        assertEquals(1, list.inbox().to(LINUS).size(), "no second email to a bounced address");
        assertEquals(2, list.inbox().to(ADA).size());
    }

    @Test
    void theSameReportReadTwiceIsActedOnOnce() throws Exception {
        list.members().add(LINUS);
        list.handle(SqsEvents.withAttributes("m-1", EVENT, Map.of("eventId", "evt-1")));
        mailbox.deliver(Reports.about("postfix-permanent.eml", delivery(LINUS), "dsn-1"));
        feedback.execute(Map.of());
        // The same DSN again, as a second copy in the inbox (a new UID): a forwarded copy, a client's re-upload.
        mailbox.deliver(Reports.about("postfix-permanent.eml", delivery(LINUS), "dsn-1"));

        Map<String, Object> again = feedback.execute(Map.of());

        assertEquals(Map.of("duplicate", 1), again.get("acted"), again.toString());
        assertEquals(
                1, summaries().one(listName(), "evt-1").orElseThrow().counts().get(SummaryCount.BOUNCED));
        assertEquals(
                1, suppressions().page(Optional.empty(), 10).entries().get(0).count());
    }

    @Test
    void mailItDoesNotUnderstandStaysInTheInboxUnreadAndIsNotReadAgain() throws Exception {
        list.members().add(LINUS).add(ADA);
        list.handle(SqsEvents.withAttributes("m-1", EVENT, Map.of("eventId", "evt-1")));
        mailbox.deliver(
                Reports.about("unrelated.eml", "", "mail-1"),
                Reports.about("lookalike.eml", delivery(ADA), "mail-2"),
                // Ada's genuine header in a DSN about Linus: it must suppress neither.
                Reports.about("postfix-permanent.eml", delivery(ADA), "mail-3"));

        Map<String, Object> run = feedback.execute(Map.of());

        assertEquals(3, run.get("read"));
        assertEquals(3, run.get("notUnderstood"), run.toString());
        assertEquals(0, run.get("moved"));
        assertTrue(suppressed(LINUS, ADA).isEmpty());
        List<SendingMailbox.Seen> inbox = mailbox.in("INBOX");
        assertEquals(3, inbox.size());
        assertFalse(inbox.stream().anyMatch(SendingMailbox.Seen::read), "left unread: " + inbox);
        assertEquals(0, feedback.execute(Map.of()).get("read"), "read once, not on every run");
    }

    @Test
    void softBouncesSuppressTheAddressAtTheThirdWithinTheWindow() throws Exception {
        list.members().add(GRACE);
        list.handle(SqsEvents.withAttributes("m-1", EVENT, Map.of("eventId", "evt-1")));
        String header = delivery(GRACE);
        mailbox.deliver(Reports.about("postfix-delayed.eml", header, "delay-1"));
        mailbox.deliver(Reports.about("postfix-delayed.eml", header, "delay-2"));

        assertEquals(Map.of("counted", 2), feedback.execute(Map.of()).get("acted"));
        assertTrue(suppressed(GRACE).isEmpty(), "two soft bounces do not suppress");

        mailbox.deliver(Reports.about("postfix-delayed.eml", header, "delay-3"));

        assertEquals(Map.of("suppressed", 1), feedback.execute(Map.of()).get("acted"));
        assertEquals(List.of(GRACE), List.copyOf(suppressed(GRACE)));
        // The summary counts members who soft-bounced, not reports: Grace once.
        assertEquals(
                1, summaries().one(listName(), "evt-1").orElseThrow().counts().get(SummaryCount.SOFT_BOUNCED));
    }

    @Test
    void aComplaintSuppressesTheAddressAndIsWrittenOnTheMembersItem() throws Exception {
        list.members().add(BARBARA);
        list.handle(SqsEvents.withAttributes("m-1", EVENT, Map.of("eventId", "evt-1")));
        mailbox.deliver(Reports.about("arf-abuse.eml", delivery(BARBARA), "arf-1"));

        Map<String, Object> run = feedback.execute(Map.of());

        assertEquals(Map.of("arf", 1), run.get("reports"));
        assertEquals(List.of(BARBARA), List.copyOf(suppressed(BARBARA)));
        assertEquals(
                "complaint",
                suppressions()
                        .page(Optional.empty(), 10)
                        .entries()
                        .get(0)
                        .cause()
                        .reason()
                        .value());
        Map<String, AttributeValue> member = list.stack()
                .dynamoDb()
                .getItem(b -> b.tableName(list.members().table()).key(Map.of("email", AttributeValue.fromS(BARBARA))))
                .item();
        assertEquals("abuse", member.get("complaint").s());
        assertTrue(member.containsKey("complainedAt"));
        assertEquals(
                1, summaries().one(listName(), "evt-1").orElseThrow().counts().get(SummaryCount.COMPLAINTS));
    }

    @Test
    void aReportWhoseActingFailsStaysInTheInboxAndIsActedOnByTheNextRun() throws Exception {
        list.members().add(BARBARA);
        list.handle(SqsEvents.withAttributes("m-1", EVENT, Map.of("eventId", "evt-1")));
        mailbox.deliver(Reports.about("arf-abuse.eml", delivery(BARBARA), "arf-1"));
        list.property("listwire.feedback.member-tables", list.manifest().name() + "=no-such-table");
        try (MailboxFeedbackHandler broken =
                new MailboxFeedbackHandler(list.fixture().context())) {
            assertThrows(RuntimeException.class, () -> broken.execute(Map.of()));
        }
        assertEquals(1, mailbox.in("INBOX").size(), "not moved: it was not acted on");

        Map<String, Object> next = feedback.execute(Map.of());

        assertEquals(Map.of("suppressed", 1), next.get("acted"), "given back, so acted on now: " + next);
        assertEquals(List.of(), mailbox.in("INBOX"));
    }

    @Test
    void aNewUidValidityReadsTheMailboxAgainAndRecognisesWhatWasActedOn() throws Exception {
        list.members().add(LINUS);
        list.handle(SqsEvents.withAttributes("m-1", EVENT, Map.of("eventId", "evt-1")));
        MimeMessage dsn = Reports.about("postfix-permanent.eml", delivery(LINUS), "dsn-1");
        mailbox.deliver(dsn, Reports.about("unrelated.eml", "", "mail-1"));
        feedback.execute(Map.of());
        // The server renumbered the mailbox (RFC 9051: a new UIDVALIDITY), and the DSN is back in the inbox.
        mailbox.deliver(Reports.about("postfix-permanent.eml", delivery(LINUS), "dsn-1"));
        list.stack()
                .dynamoDb()
                .updateItem(b -> b.tableName(list.fixture().feedbackTable())
                        .key(Map.of(
                                "pk", AttributeValue.fromS("mailbox#" + TestMailServer.USER + "/INBOX"),
                                "sk", AttributeValue.fromS("cursor")))
                        .updateExpression("SET uidValidity = :other, lastUid = :far")
                        .expressionAttributeValues(
                                Map.of(":other", AttributeValue.fromN("1"), ":far", AttributeValue.fromN("999999"))));

        Map<String, Object> run = feedback.execute(Map.of());

        assertEquals(2, run.get("read"), "the whole inbox again: " + run);
        assertEquals(Map.of("duplicate", 1), run.get("acted"));
        assertEquals(
                1, summaries().one(listName(), "evt-1").orElseThrow().counts().get(SummaryCount.BOUNCED));
    }

    @Test
    void aMailboxThatCannotBeReachedFailsTheRunAndSaysWhich() throws Exception {
        list.property("listwire.feedback.mailbox.port", Dynalite.freePort());
        try (MailboxFeedbackHandler unreachable =
                new MailboxFeedbackHandler(list.fixture().context())) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> unreachable.execute(Map.of()));
            assertTrue(e.getMessage().startsWith("cannot read the sending mailbox"), e.getMessage());
        }
    }

    private String delivery(String address) {
        MimeMessage email = list.inbox().to(address).get(0);
        return Inbox.header(email, "X-Listwire-Delivery");
    }

    private Set<String> suppressed(String... addresses) {
        return new SuppressedAddresses(
                        list.stack().dynamoDb(),
                        feedback.getApplicationContext().getBean(SuppressionConfiguration.class))
                .among(List.of(addresses));
    }

    private SuppressionList suppressions() {
        return feedback.getApplicationContext().getBean(SuppressionList.class);
    }

    private EventSummaries summaries() {
        return feedback.getApplicationContext().getBean(EventSummaries.class);
    }

    private String listName() {
        return list.manifest().name();
    }

    private Map<String, AttributeValue> ledgerItem(String eventId, String email) {
        return list.stack()
                .dynamoDb()
                .getItem(b -> b.tableName(list.ledgerTable())
                        .key(Map.of(
                                "event",
                                AttributeValue.fromS(listName() + "#" + eventId),
                                "email",
                                AttributeValue.fromS(email))))
                .item();
    }
}
