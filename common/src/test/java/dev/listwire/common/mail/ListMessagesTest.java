package dev.listwire.common.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.listwire.common.links.DeliveryRef;
import dev.listwire.common.links.DeliveryRefs;
import dev.listwire.common.links.LinkConfiguration;
import dev.listwire.common.manifest.ListKind;
import dev.listwire.common.manifest.ListManifest;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The signed delivery header a list email carries, and the emails that carry none. */
class ListMessagesTest {

    private static final DeliveryRefs REFS =
            new DeliveryRefs(new LinkConfiguration(null, "k1", "test-signing-key-0123456789abcdefghijkl", null));
    private static final ListManifest LIST = new ListManifest(
            "prices",
            "Price Alerts",
            "price alerts",
            new ListManifest.Sender("alerts@example.com", "Price Alerts"),
            ListKind.TRANSACTIONAL,
            new ListManifest.Tuning(1, 30, 1, 1, null, null));

    private final ListMessages messages = new ListMessages(REFS);

    @Test
    void aListEmailCarriesItsDeliverySignedOnOneLine() throws Exception {
        DeliveryRef ref = new DeliveryRef("prices", "evt-1", "ada@example.com");

        MimeMessage email = compose("evt-1", new ListHeaders(Optional.empty(), Optional.of(ref)));

        String header = email.getHeader(ListMessages.DELIVERY_HEADER, null);
        assertEquals(ref, REFS.verify(header).orElseThrow());
        assertTrue(written(email).contains("\r\nX-Listwire-Delivery: " + header + "\r\n"), "one unfolded line");
    }

    @Test
    void anEmailIsDatedNowToTheSecond() throws Exception {
        long before = System.currentTimeMillis() / 1000 * 1000;
        MimeMessage email = compose("evt-1", ListHeaders.none());
        long after = System.currentTimeMillis();

        long sent = email.getSentDate().getTime();
        assertTrue(sent >= before && sent <= after, sent + " is not between " + before + " and " + after);
        assertEquals(1, email.getHeader("Date").length);
    }

    @Test
    void anEmailOfNoEventCarriesNone() throws Exception {
        assertNull(compose("evt-1", ListHeaders.none()).getHeader(ListMessages.DELIVERY_HEADER));
    }

    @Test
    void aDeliveryTooLongForOneSmtpLineIsLeftOutAndTheEmailStillBuilt() throws Exception {
        String eventId = "事".repeat(256); // the longest event id a producer may give, 768 octets in UTF-8
        DeliveryRef ref = new DeliveryRef("prices", eventId, "ada@example.com");

        MimeMessage email = compose(eventId, new ListHeaders(Optional.empty(), Optional.of(ref)));

        assertNull(email.getHeader(ListMessages.DELIVERY_HEADER));
        assertTrue(written(email).lines().allMatch(line -> line.length() <= 998));
    }

    @Test
    void asciiPartsGoAsTheyAreAndEverythingElseQuotedPrintable() throws Exception {
        String ascii = "Hello Ada,\r\n\tAAPL moved -3.2% and now trades at 187.40.\n" + "x".repeat(998);
        String utf8 = "Bonjour Zoë, le prix est de 12 €.";
        String longLine = "y".repeat(999);
        String control = "a\u0000b";

        MimeMessage email = compose(new RenderedEmail("s", utf8, ascii));

        MimeMultipart parts = (MimeMultipart) email.getContent();
        assertEquals("7bit", parts.getBodyPart(0).getHeader("Content-Transfer-Encoding")[0]);
        assertEquals("quoted-printable", parts.getBodyPart(1).getHeader("Content-Transfer-Encoding")[0]);
        assertTrue(ListMessages.isSevenBit(ascii));
        assertFalse(ListMessages.isSevenBit(utf8));
        assertFalse(ListMessages.isSevenBit(longLine));
        assertFalse(ListMessages.isSevenBit(control));
        // What a reader gets back is the rendered text, whichever encoding carried it.
        MimeMessage received = new MimeMessage(
                Session.getInstance(new Properties()),
                new ByteArrayInputStream(written(email).getBytes(StandardCharsets.UTF_8)));
        MimeMultipart back = (MimeMultipart) received.getContent();
        assertEquals(ascii, back.getBodyPart(0).getContent());
        assertEquals(utf8, back.getBodyPart(1).getContent());
        assertTrue(written(email).lines().allMatch(line -> line.length() <= 998));
    }

    @Test
    void theSenderIsWrittenAsSetFromWritesItOnEveryEmailOfTheList() throws Exception {
        ListManifest list = new ListManifest(
                "prix",
                "Alertes de prix",
                "alertes",
                new ListManifest.Sender("alertes@example.fr", "Zoë's « alertes » de prix, chaque matin et chaque soir"),
                ListKind.TRANSACTIONAL,
                new ListManifest.Tuning(1, 30, 1, 1, null, null));
        MimeMessage expected = new MimeMessage(Session.getInstance(new Properties()));
        expected.setFrom(new InternetAddress(list.from().address(), list.from().name(), "UTF-8"));

        for (String recipient : new String[] {"ada@example.com", "bob@example.com"}) {
            MimeMessage email = messages.compose(
                    Session.getInstance(new Properties()),
                    new ListEmail(
                            list,
                            "evt-1",
                            new InternetAddress(recipient),
                            new RenderedEmail("s", "h", "t"),
                            ListHeaders.none()));

            assertEquals(expected.getHeader("From", null), email.getHeader("From", null));
            assertEquals(list.from().name(), ((InternetAddress) email.getFrom()[0]).getPersonal());
            assertTrue(email.getHeader("List-Id", null).endsWith("<prix.example.fr>"));
        }
    }

    private MimeMessage compose(RenderedEmail content) throws Exception {
        return messages.compose(
                Session.getInstance(new Properties()),
                new ListEmail(LIST, "evt-1", new InternetAddress("ada@example.com"), content, ListHeaders.none()));
    }

    private MimeMessage compose(String eventId, ListHeaders headers) throws Exception {
        return messages.compose(
                Session.getInstance(new Properties()),
                new ListEmail(
                        LIST,
                        eventId,
                        new InternetAddress("ada@example.com"),
                        new RenderedEmail("s", "h", "t"),
                        headers));
    }

    private static String written(MimeMessage email) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        email.writeTo(bytes);
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
