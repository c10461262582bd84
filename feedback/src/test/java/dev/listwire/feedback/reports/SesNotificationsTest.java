package dev.listwire.feedback.reports;

import static dev.listwire.feedback.reports.MailReportsTest.assertNotUnderstood;
import static dev.listwire.feedback.reports.MailReportsTest.only;
import static dev.listwire.feedback.reports.ReportFixtures.REFS;
import static dev.listwire.feedback.reports.ReportFixtures.ref;
import static dev.listwire.feedback.reports.ReportFixtures.withToken;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.listwire.common.links.DeliveryRefs;
import dev.listwire.common.links.LinkConfiguration;
import io.micronaut.json.JsonMapper;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SES bounce, complaint and delivery notifications as the feedback queue receives them, and malformed bodies. */
class SesNotificationsTest {

    private final SesNotifications notifications = new SesNotifications(JsonMapper.createDefault(), REFS);

    /** Each notification: its recipient, kind, status and the start of its detail. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ses-bounce-permanent.json | ada@example.com     | PERMANENT_BOUNCE | 5.1.1     | 550 5.1.1 <ada@example.com>
            ses-bounce-transient.json | grace@example.org   | TRANSIENT_BOUNCE | 4.2.2     | 452 4.2.2 The email account
            ses-complaint.json        | barbara@example.net | COMPLAINT        | abuse     | abuse report from ExampleFBL
            ses-delivery-raw.json     | margaret@example.net| DELIVERY         | 2.6.0     | 250 2.6.0 Message received
            """)
    void readsEachNotificationAsItsKindStatusRecipientAndDelivery(
            String fixture, String recipient, ReportKind kind, String status, String detail) {
        Reading reading = notifications.read(withToken(fixture, REFS.sign(ref(recipient))));

        assertEquals(
                "ses",
                assertInstanceOf(Reading.Understood.class, reading, reading.toString())
                        .format());
        FeedbackReport report = only(reading);
        assertEquals(kind, report.kind());
        assertEquals(recipient, report.recipient());
        assertEquals(Optional.of(ref(recipient)), report.delivery());
        assertEquals(status, report.status());
        assertTrue(report.detail().startsWith(detail), report.detail());
        assertTrue(report.reportId().matches("[0-9a-f]{64}"), report.reportId());
    }

    @Test
    void aRedeliveredNotificationHasTheSameReportId() {
        String body = withToken("ses-bounce-permanent.json", REFS.sign(ref("ada@example.com")));

        assertEquals(
                only(notifications.read(body)).reportId(),
                only(notifications.read(body)).reportId());
        assertNotEquals(
                only(notifications.read(body)).reportId(),
                only(notifications.read(withToken("ses-bounce-transient.json", "x")))
                        .reportId());
    }

    @Test
    void anAddressIsStillReportedWithoutAVerifiedDeliveryHeader() {
        // SES is trusted (the queue takes only the topic's messages): no ref, but the address is acted on.
        DeliveryRefs forger =
                new DeliveryRefs(new LinkConfiguration(null, "k1", "someone-elses-key-0123456789abcdefghijkl", null));

        for (String token : new String[] {
            forger.sign(ref("ada@example.com")), // forged
            REFS.sign(ref("eve@example.com")), // genuine, for another address
            "" // missing
        }) {
            FeedbackReport report = only(notifications.read(withToken("ses-bounce-permanent.json", token)));
            assertEquals(ReportKind.PERMANENT_BOUNCE, report.kind());
            assertEquals("ada@example.com", report.recipient());
            assertEquals(Optional.empty(), report.delivery(), token);
        }
    }

    @Test
    void aBodyOfAnotherShapeIsNotUnderstoodNamingTheField() {
        assertNotUnderstood(
                "bounce.bouncedRecipients is missing", notifications.read(withToken("ses-malformed.json", "")));
        assertNotUnderstood("the body is not JSON", notifications.read("not json"));
        assertNotUnderstood("the body is not a JSON object", notifications.read("[1,2]"));
        assertNotUnderstood("notificationType is missing", notifications.read("{\"hello\":\"world\"}"));
        assertNotUnderstood(
                "Type SubscriptionConfirmation is not an SNS Notification",
                notifications.read("{\"Type\":\"SubscriptionConfirmation\",\"Message\":\"{}\"}"));
        assertNotUnderstood(
                "Message is not JSON", notifications.read("{\"Type\":\"Notification\",\"Message\":\"{x\"}"));
        assertNotUnderstood(
                "notificationType Reject is not Bounce",
                notifications.read("{\"notificationType\":\"Reject\",\"mail\":{}}"));
        assertNotUnderstood("mail is missing", notifications.read("{\"notificationType\":\"Bounce\",\"bounce\":{}}"));
        assertNotUnderstood(
                "bounce.bounceType Soft is not Permanent",
                notifications.read(
                        "{\"notificationType\":\"Bounce\",\"mail\":{},\"bounce\":{\"bounceType\":\"Soft\"}}"));
        assertNotUnderstood(
                "complaint.feedbackId is missing",
                notifications.read("{\"notificationType\":\"Complaint\",\"mail\":{},\"complaint\":{}}"));
        assertNotUnderstood(
                "delivery is missing", notifications.read("{\"notificationType\":\"Delivery\",\"mail\":{}}"));
    }
}
