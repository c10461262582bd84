package dev.listwire.feedback.reports;

import static dev.listwire.feedback.reports.MailReportsTest.only;
import static dev.listwire.feedback.reports.ReportFixtures.REFS;
import static dev.listwire.feedback.reports.ReportFixtures.SESSION;
import static dev.listwire.feedback.reports.ReportFixtures.ref;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.listwire.common.mail.ListEmail;
import dev.listwire.common.mail.ListHeaders;
import dev.listwire.common.mail.ListMessages;
import dev.listwire.common.mail.RenderedEmail;
import dev.listwire.common.manifest.ListKind;
import dev.listwire.common.manifest.ListManifest;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A DSN built for a list email, written to bytes and read back as the mailbox would hold it. */
class BounceMessagesTest {

    private final BounceMessages bounces = new BounceMessages();
    private final MailReports reports = new MailReports(REFS);

    @Test
    void aBounceOfAListEmailReadsBackAsAPermanentBounceOfItsDelivery() throws Exception {
        MimeMessage dsn = bounces.dsnFor(
                listEmail("ada@example.com"),
                "ada@example.com",
                "5.1.1",
                "550 5.1.1 <ada@example.com>: Recipient address rejected: User unknown",
                "googlemail.com");

        MimeMessage received = asReceived(dsn);
        assertEquals("Mail Delivery Subsystem <mailer-daemon@googlemail.com>", received.getHeader("From", null));
        assertEquals("Price Alerts <alerts@example.com>", received.getHeader("To", null));
        assertTrue(received.getContentType().contains("report-type=delivery-status"), received.getContentType());
        FeedbackReport report = only(reports.read(received));
        assertEquals(ReportKind.PERMANENT_BOUNCE, report.kind());
        assertEquals("ada@example.com", report.recipient());
        assertEquals(Optional.of(ref("ada@example.com")), report.delivery());
        assertEquals("5.1.1", report.status());
        assertEquals("550 5.1.1 <ada@example.com>: Recipient address rejected: User unknown", report.detail());
    }

    @Test
    void aFourHundredStatusIsADelayAndATwoHundredADelivery() throws Exception {
        MimeMessage email = listEmail("grace@example.org");

        FeedbackReport delayed = only(reports.read(
                asReceived(bounces.dsnFor(email, "grace@example.org", "4.4.7", "421 4.4.7 Timed out", "mx.example"))));
        FeedbackReport delivered = only(reports.read(
                asReceived(bounces.dsnFor(email, "grace@example.org", "2.0.0", "250 2.0.0 OK", "mx.example"))));

        assertEquals(ReportKind.TRANSIENT_BOUNCE, delayed.kind());
        assertEquals(ReportKind.DELIVERY, delivered.kind());
    }

    @Test
    void refusesFieldsThatWouldBreakTheReport() throws Exception {
        MimeMessage email = listEmail("ada@example.com");

        assertThrows(IllegalArgumentException.class, () -> bounces.dsnFor(email, "ada@example.com", "5.1", "x", "h"));
        assertThrows(
                IllegalArgumentException.class,
                () -> bounces.dsnFor(email, "ada@example.com\r\nBcc: eve@example.com", "5.1.1", "x", "h"));
    }

    /** A list email as listwire sends it: composed by {@link ListMessages}, with its signed delivery header. */
    static MimeMessage listEmail(String to) throws Exception {
        ListManifest list = new ListManifest(
                ReportFixtures.LIST,
                "Price Alerts",
                "price alerts",
                new ListManifest.Sender("alerts@example.com", "Price Alerts"),
                ListKind.SUBSCRIPTION,
                new ListManifest.Tuning(1, 30, 1, 1, null, null));
        var headers = new ListHeaders(Optional.of("https://prefs.example.com/unsubscribe/t"), Optional.of(ref(to)));
        var email = new ListEmail(
                list, "evt-1", new InternetAddress(to), new RenderedEmail("AAPL", "<p>AAPL</p>", "AAPL"), headers);
        return new ListMessages(REFS).compose(SESSION, email);
    }

    /** Written and parsed again, as IMAP would give it. */
    static MimeMessage asReceived(MimeMessage message) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        message.writeTo(bytes);
        return ReportFixtures.parse(bytes.toString(java.nio.charset.StandardCharsets.UTF_8));
    }
}
