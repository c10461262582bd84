package dev.listwire.feedback.reports;

import static dev.listwire.feedback.reports.ReportFixtures.REFS;
import static dev.listwire.feedback.reports.ReportFixtures.mail;
import static dev.listwire.feedback.reports.ReportFixtures.ref;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.listwire.common.links.DeliveryRefs;
import dev.listwire.common.links.LinkConfiguration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each form of bounce and complaint report the sending mailbox receives, and what listwire makes of it. */
class MailReportsTest {

    private final MailReports reports = new MailReports(REFS);

    /** Each form: its format, its recipient (lower-cased), its kind and status, and the start of its detail. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            gmail-permanent.eml          | dsn | hedy@example.com         | PERMANENT_BOUNCE | 5.1.1  | 550-5.1.1 The email account
            postfix-permanent.eml        | dsn | linus@example.net        | PERMANENT_BOUNCE | 5.1.1  | 550 5.1.1 <linus@mail.
            exim-permanent.eml           | dsn | alan@example.org         | PERMANENT_BOUNCE | 5.0.0  | 550 5.2.1 Mailbox disabled
            exchange-permanent.eml       | dsn | grace.hopper@example.net | PERMANENT_BOUNCE | 5.1.10 | 550 5.1.10 RESOLVER.ADR
            exchange-global.eml          | dsn | zoe.muller@example.net   | PERMANENT_BOUNCE | 5.2.2  | 552 5.2.2 STOREDRV.Deliver
            postfix-delayed.eml          | dsn | grace@example.org        | TRANSIENT_BOUNCE | 4.4.7  | connect to mx.example.org
            postfix-failed-transient.eml | dsn | edsger@example.org       | TRANSIENT_BOUNCE | 4.2.2  | 452 4.2.2 Mailbox full
            postfix-delivered.eml        | dsn | margaret@example.net     | DELIVERY         | 2.0.0  | 250 2.0.0 Ok
            arf-abuse.eml                | arf | barbara@example.net      | COMPLAINT        | abuse  | abuse report from ExampleFBL
            """)
    void readsEachFormAsItsKindStatusRecipientAndDelivery(
            String fixture, String format, String recipient, ReportKind kind, String status, String detail) {
        Reading reading = reports.read(mail(fixture, REFS.sign(ref(recipient))));

        Reading.Understood understood = assertInstanceOf(Reading.Understood.class, reading, reading.toString());
        assertEquals(format, understood.format());
        assertEquals(1, understood.reports().size());
        FeedbackReport report = understood.reports().get(0);
        assertEquals(kind, report.kind());
        assertEquals(recipient, report.recipient());
        assertEquals(Optional.of(ref(recipient)), report.delivery());
        assertEquals(status, report.status());
        assertTrue(report.detail().startsWith(detail), report.detail());
        assertTrue(report.detail().length() <= ReportText.DETAIL_LENGTH, "one line of at most 300 characters");
        assertFalse(report.detail().contains("\n") || report.detail().contains("\r"), report.detail());
        assertTrue(report.reportId().matches("[0-9a-f]{64}"), report.reportId());
    }

    @Test
    void aGlobalDsnMayNameItsOwnReportType() {
        String token = REFS.sign(ref("zoe.muller@example.net"));
        String global = ReportFixtures.withToken("exchange-global.eml", token)
                .replace("report-type=delivery-status", "report-type=global-delivery-status");

        assertEquals(
                ReportKind.PERMANENT_BOUNCE,
                only(reports.read(ReportFixtures.parse(global))).kind());
    }

    @Test
    void theSameReportReadTwiceHasTheSameId() {
        String token = REFS.sign(ref("linus@example.net"));

        String first = only(reports.read(mail("postfix-permanent.eml", token))).reportId();
        String second = only(reports.read(mail("postfix-permanent.eml", token))).reportId();
        String other = only(reports.read(mail("postfix-delayed.eml", REFS.sign(ref("grace@example.org")))))
                .reportId();

        assertEquals(first, second);
        assertNotEquals(first, other);
    }

    @Test
    void aForgedTokenIsNotUnderstood() {
        DeliveryRefs forger =
                new DeliveryRefs(new LinkConfiguration(null, "k1", "someone-elses-key-0123456789abcdefghijkl", null));

        assertNotUnderstood(
                "does not verify", reports.read(mail("postfix-permanent.eml", forger.sign(ref("linus@example.net")))));
        assertNotUnderstood(
                "does not verify", reports.read(mail("arf-abuse.eml", forger.sign(ref("barbara@example.net")))));
    }

    @Test
    void aGenuineTokenForAnotherAddressIsNotUnderstood() {
        // A real list email's headers pasted into a report about somebody else: that address must not be suppressed.
        String adas = REFS.sign(ref("ada@example.com"));

        assertNotUnderstood("recipient is not the address", reports.read(mail("postfix-permanent.eml", adas)));
        assertNotUnderstood("Original-Rcpt-To is not the address", reports.read(mail("arf-abuse.eml", adas)));
    }

    @Test
    void aReportWithoutTheDeliveryHeaderIsNotUnderstood() {
        String withoutHeader =
                ReportFixtures.text("postfix-permanent.eml").replace("X-Listwire-Delivery: {{delivery}}\n", "");

        assertNotUnderstood("has no X-Listwire-Delivery", reports.read(ReportFixtures.parse(withoutHeader)));
    }

    @Test
    void aPlainTextMessageThatOnlyLooksLikeABounceIsNotUnderstood() {
        // From MAILER-DAEMON, "Undelivered Mail", DSN-like lines, even a genuine header: but no multipart/report.
        Reading reading = reports.read(mail("lookalike.eml", REFS.sign(ref("ada@example.com"))));

        assertNotUnderstood("not a report: text/plain", reading);
    }

    @Test
    void unrelatedMailIsNotUnderstood() {
        assertNotUnderstood("not a report: multipart/alternative", reports.read(mail("unrelated.eml", "")));
    }

    @Test
    void brokenMimeIsNotUnderstoodAndNeverThrows() {
        String broken =
                "Content-Type: multipart/report; report-type=delivery-status; boundary=\"nowhere\"\n\nno parts\n";
        String badType = "Content-Type: multipart/report; report-type=\n\n";

        assertInstanceOf(Reading.NotUnderstood.class, reports.read(ReportFixtures.parse(broken)));
        assertInstanceOf(Reading.NotUnderstood.class, reports.read(ReportFixtures.parse(badType)));
    }

    static FeedbackReport only(Reading reading) {
        Reading.Understood understood = assertInstanceOf(Reading.Understood.class, reading, reading.toString());
        assertEquals(1, understood.reports().size());
        return understood.reports().get(0);
    }

    static void assertNotUnderstood(String why, Reading reading) {
        Reading.NotUnderstood not = assertInstanceOf(Reading.NotUnderstood.class, reading, reading.toString());
        assertTrue(not.why().contains(why), not.why());
    }
}
