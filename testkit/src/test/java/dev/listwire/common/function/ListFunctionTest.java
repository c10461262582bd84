package dev.listwire.common.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.listwire.common.links.DeliveryRef;
import dev.listwire.common.links.DeliveryRefs;
import dev.listwire.common.links.LinkPurpose;
import dev.listwire.common.links.LinkSigner;
import dev.listwire.testkit.Inbox;
import dev.listwire.testkit.ListUnderTest;
import dev.listwire.testkit.SqsEvents;
import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** One event on a list's queue becomes one email to each member, with the headers a list email needs. */
class ListFunctionTest {

    @RegisterExtension
    final ListUnderTest<FixtureFunction> list = ListUnderTest.of("classpath:fixture-list.json", FixtureFunction::new);

    @Test
    void sqsEventJsonFromLambdaHasItsRecords() {
        SQSEvent event = SqsEvents.fromResource("events/two-messages.json");

        assertNotNull(event.getRecords(), "the serde module must turn 'Records' into records");
        assertEquals(2, event.getRecords().size());
        assertEquals(
                "aapl-close-2026-11-27",
                event.getRecords().get(0).getMessageAttributes().get("eventId").getStringValue());
    }

    @Test
    void sendsEveryMemberOneEmailWithListHeadersAndBothParts() throws Exception {
        list.members()
                .add("ada@example.com", Map.of("name", AttributeValue.fromS("Ada")))
                .add("grace@example.com")
                .add("linus@example.com");

        SQSBatchResponse response =
                list.function().handleRequest(SqsEvents.fromResource("events/two-messages.json"), null);

        assertTrue(response.getBatchItemFailures().isEmpty());
        Map<String, List<MimeMessage>> received = list.inbox().byRecipient();
        assertEquals(3, received.size());
        received.forEach((to, emails) -> assertEquals(2, emails.size(), to + " gets each of the two events once"));

        MimeMessage ada = list.inbox().to("ada@example.com").stream()
                .filter(m -> subject(m).startsWith("AAPL"))
                .findFirst()
                .orElseThrow();
        assertEquals("AAPL at 189.95", subject(ada));
        assertEquals("Fixture Desk <alerts@listwire.test>", Inbox.header(ada, "From"));
        assertEquals("\"Fixture Alerts\" <fixture-list.listwire.test>", Inbox.header(ada, "List-Id"));
        assertEquals("List-Unsubscribe=One-Click", Inbox.header(ada, "List-Unsubscribe-Post"));
        String unsubscribe = Inbox.header(ada, "List-Unsubscribe");
        assertTrue(unsubscribe.startsWith("<https://prefs.listwire.test/unsubscribe/"), unsubscribe);
        String token = unsubscribe.substring(unsubscribe.lastIndexOf('/') + 1, unsubscribe.length() - 1);
        var granted = signer().verify(token, LinkPurpose.UNSUBSCRIBE).orElseThrow();
        assertEquals("fixture-list", granted.list());
        assertEquals("ada@example.com", granted.email());
        assertTrue(Inbox.header(ada, "Message-ID").matches("<[0-9a-f]{32}\\.fixture-list@listwire\\.test>"));
        DeliveryRefs deliveries = list.function().getApplicationContext().getBean(DeliveryRefs.class);
        assertEquals(
                new DeliveryRef("fixture-list", "aapl-close-2026-11-27", "ada@example.com"),
                deliveries.verify(Inbox.header(ada, "X-Listwire-Delivery")).orElseThrow(),
                "the signed delivery header names the list, the event and the member");
        assertTrue(Inbox.part(ada, "text/plain").contains("Hello Ada,"));
        assertTrue(Inbox.part(ada, "text/plain")
                .contains("Unsubscribe from this list: https://prefs.listwire.test/unsubscribe/"));
        String html = Inbox.part(ada, "text/html");
        assertTrue(html.contains("<strong>AAPL</strong> trades at 189.95"), html);
        assertTrue(html.contains("https://prefs.listwire.test/preferences/"), "footer links the preference center");
    }

    @Test
    void messageIdIsDerivedFromListEventAndRecipient() {
        list.members().add("ada@example.com").add("grace@example.com");

        list.function().handleRequest(SqsEvents.ofBody("m-1", "{\"ticker\":\"AAPL\",\"price\":1}"), null);
        list.function().handleRequest(SqsEvents.ofBody("m-2", "{\"ticker\":\"AAPL\",\"price\":1}"), null);

        List<String> ids = list.inbox().all().stream()
                .map(m -> Inbox.header(m, "Message-ID"))
                .distinct()
                .toList();
        assertEquals(4, ids.size(), "two events to two members: four different ids " + ids);
        assertEquals(
                ids.get(0),
                dev.listwire.common.mail.MessageIds.of(
                        "fixture-list", "m-1", Inbox.to(list.inbox().all().get(0)), "listwire.test"));
    }

    @Test
    void skipsUnsubscribedMembers() {
        list.members().add("ada@example.com").unsubscribed("gone@example.com");

        list.function().handleRequest(SqsEvents.ofBody("m-1", "{\"ticker\":\"AAPL\",\"price\":1}"), null);

        assertEquals(
                List.of("ada@example.com"),
                List.copyOf(list.inbox().byRecipient().keySet()));
        Map<String, Object> line = list.logs().lines("event-finished").get(0);
        assertEquals(2, line.get("membersSeen"));
        assertEquals(Map.of("unsubscribed", 1), line.get("skippedReasons"));
    }

    @Test
    void logsOneJsonLinePerEventWithItsCounts() {
        list.members().add("ada@example.com").add("grace@example.com").add("not an address");

        list.function().handleRequest(SqsEvents.fromResource("events/two-messages.json"), null);

        List<Map<String, Object>> lines = list.logs().lines("event-finished");
        assertEquals(2, lines.size());
        Map<String, Object> first = lines.get(0);
        assertEquals("fixture-list", first.get("list"));
        assertEquals("aapl-close-2026-11-27", first.get("eventId"), "the eventId attribute names the event");
        assertEquals("059f36b4-87a3-44ab-83d2-661975830a7d", first.get("messageId"));
        assertEquals("completed", first.get("outcome"));
        assertEquals(3, first.get("membersSeen"));
        assertEquals(2, first.get("sent"));
        assertEquals(1, first.get("skipped"));
        assertEquals(Map.of("invalid-address", 1), first.get("skippedReasons"));
        assertEquals(0, first.get("failed"));
        assertTrue(first.containsKey("durationMs"));
        assertEquals(
                "2e1424d4-f796-459a-8184-9c92662be6da", lines.get(1).get("eventId"), "no attribute: the message id");
        assertEquals(2, list.logs().lines("recipient-skipped").size(), "the bad address is logged, once per event");
    }

    @Test
    void reusesOneSmtpConnectionForTheWholeBatch() {
        list.members().many("member", 20);

        list.function().handleRequest(SqsEvents.fromResource("events/two-messages.json"), null);

        assertEquals(40, list.inbox().all().size());
        int opened = list.logs().lines("event-finished").stream()
                .mapToInt(l -> (Integer) l.get("smtpConnectionsOpened"))
                .sum();
        assertEquals(1, opened, "one authenticated connection for 40 emails in two events");
    }

    @Test
    void skipsInvalidAddressesAndSendsTheRest() {
        list.members().add("ada@example.com").add("no-at-sign").add("two@@example.com");

        SQSBatchResponse response =
                list.function().handleRequest(SqsEvents.ofBody("m-1", "{\"ticker\":\"AAPL\",\"price\":1}"), null);

        assertTrue(response.getBatchItemFailures().isEmpty());
        assertEquals(
                List.of("ada@example.com"),
                List.copyOf(list.inbox().byRecipient().keySet()));
        assertEquals(2, list.logs().lines("recipient-skipped").size());
    }

    @Test
    void escapesHtmlFromThePayloadInTheHtmlPartOnly() {
        list.members().add("ada@example.com");

        list.function()
                .handleRequest(
                        SqsEvents.ofBody(
                                "m-1",
                                "{\"ticker\":\"<script>alert(1)</script>\",\"price\":1,\"note\":\"AT&T <b>up</b>\"}"),
                        null);

        MimeMessage email = list.inbox().to("ada@example.com").get(0);
        String html = Inbox.part(email, "text/html");
        assertFalse(html.contains("<script>"), html);
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), html);
        assertTrue(html.contains("AT&amp;T &lt;b&gt;up&lt;/b&gt;"), html);
        assertTrue(Inbox.part(email, "text/plain").contains("Note: AT&T <b>up</b>"), "plain text is not HTML-escaped");
    }

    @Test
    void neutralisesHeaderInjectionFromThePayload() throws Exception {
        MimeMessage email =
                theOneEmailToAda("{\"ticker\":\"AAPL\\r\\nBcc: thief@evil.example\\r\\nX-Injected: yes\",\"price\":1}");

        assertEquals(null, email.getHeader("X-Injected"));
        assertEquals(null, email.getHeader("Bcc"));
        assertEquals("AAPL Bcc: thief@evil.example X-Injected: yes at 1", subject(email));
    }

    @Test
    void aPayloadCannotEndTheEmailEarlyWithALoneDotNowThatAsciiBodiesGoUnencoded() throws Exception {
        // The text part is 7bit (printable ASCII, short lines): the note's lines reach SMTP as they are, and
        // a line of one dot would end DATA there and start a second email, were it not dot-stuffed.
        String note =
                "first\n.\nMAIL FROM:<thief@evil.example>\nRCPT TO:<thief@evil.example>\nDATA\nSubject: forged\n\nhi";

        MimeMessage email =
                theOneEmailToAda("{\"ticker\":\"AAPL\",\"price\":1,\"note\":\"" + note.replace("\n", "\\n") + "\"}");

        assertTrue(subject(email).startsWith("AAPL at 1: first . MAIL FROM"), subject(email));
        BodyPart plain = ((MimeMultipart) email.getContent()).getBodyPart(0);
        assertEquals("7bit", plain.getHeader("Content-Transfer-Encoding")[0], "the case this test is about");
        String text = Inbox.part(email, "text/plain");
        assertTrue(text.replace("\r\n", "\n").contains("Note: " + note), text);
    }

    @Test
    void sendsToTwoThousandMembersInOneInvocation() {
        list.members().many("member", 2_000); // four Scan pages of 500

        long start = System.nanoTime();
        SQSBatchResponse response =
                list.function().handleRequest(SqsEvents.ofBody("big", "{\"ticker\":\"AAPL\",\"price\":1}"), null);
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertTrue(response.getBatchItemFailures().isEmpty());
        Map<String, List<MimeMessage>> received = list.inbox().byRecipient();
        assertEquals(2_000, received.size());
        assertTrue(received.values().stream().allMatch(emails -> emails.size() == 1));
        Map<String, Object> line = list.logs().lines("event-finished").get(0);
        assertEquals(2_000, line.get("sent"));
        assertEquals(1, line.get("smtpConnectionsOpened"));
        System.out.printf("2,000-member list: sent in %d ms (%.0f emails/s)%n", millis, 2_000_000.0 / millis);
    }

    private LinkSigner signer() {
        return list.function().getApplicationContext().getBean(LinkSigner.class);
    }

    /** Sends the event to a list of Ada alone: she gets exactly one email, and nobody else gets any. */
    private MimeMessage theOneEmailToAda(String body) {
        list.members().add("ada@example.com");

        list.function().handleRequest(SqsEvents.ofBody("m-1", body), null);

        assertEquals(
                List.of("ada@example.com"),
                List.copyOf(list.inbox().byRecipient().keySet()),
                "nobody else got it");
        assertEquals(1, list.inbox().to("ada@example.com").size());
        return list.inbox().to("ada@example.com").get(0);
    }

    static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
