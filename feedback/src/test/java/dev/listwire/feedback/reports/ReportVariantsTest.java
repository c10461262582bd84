package dev.listwire.feedback.reports;

import static dev.listwire.feedback.reports.MailReportsTest.assertNotUnderstood;
import static dev.listwire.feedback.reports.MailReportsTest.only;
import static dev.listwire.feedback.reports.ReportFixtures.REFS;
import static dev.listwire.feedback.reports.ReportFixtures.parse;
import static dev.listwire.feedback.reports.ReportFixtures.ref;
import static dev.listwire.feedback.reports.ReportFixtures.withToken;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The fixtures altered the ways a forger or an unusual mail system would alter them. */
class ReportVariantsTest {

    private final MailReports reports = new MailReports(REFS);
    private final String linus = REFS.sign(ref("linus@example.net"));
    private final String barbara = REFS.sign(ref("barbara@example.net"));

    @Test
    void aDsnThatAlsoNamesAnotherRecipientIsNotUnderstood() {
        // One genuine header cannot carry a second address into the suppression list.
        String twoRecipients = withToken("postfix-permanent.eml", linus)
                .replace(
                        "    rejected: User unknown in virtual mailbox table\n\n",
                        "    rejected: User unknown in virtual mailbox table\n\n"
                                + "Final-Recipient: rfc822; eve@example.com\nAction: failed\nStatus: 5.1.1\n\n");

        assertNotUnderstood("recipient is not the address", reports.read(parse(twoRecipients)));
    }

    @Test
    void aTokenOutsideTheOriginalHeadersIsNotTaken() {
        // The lookalike's text quotes a genuine header, but only the report's headers part counts.
        String tokenInTheText = withToken("postfix-permanent.eml", "")
                .replace("X-Listwire-Delivery: \n", "")
                .replace("The mail system\n", "The mail system\n\nX-Listwire-Delivery: " + linus + "\n");

        assertNotUnderstood("has no X-Listwire-Delivery", reports.read(parse(tokenInTheText)));
    }

    @Test
    void twoDeliveryHeadersInTheOriginalAreNotUnderstood() {
        String twice = withToken("postfix-permanent.eml", linus)
                .replace("X-Listwire-Delivery: ", "X-Listwire-Delivery: " + barbara + "\nX-Listwire-Delivery: ");

        assertNotUnderstood("2 delivery headers", reports.read(parse(twice)));
    }

    @Test
    void anArfReportWithoutOriginalRcptToIsAboutTheAddressOfTheDelivery() {
        String withoutRecipient =
                withToken("arf-abuse.eml", barbara).replace("Original-Rcpt-To: <barbara@example.net>\n", "");

        FeedbackReport report = only(reports.read(parse(withoutRecipient)));

        assertEquals(ReportKind.COMPLAINT, report.kind());
        assertEquals("barbara@example.net", report.recipient());
        assertEquals(Optional.of(ref("barbara@example.net")), report.delivery());
    }

    @Test
    void aNotSpamFeedbackReportIsNoComplaint() {
        String notSpam = withToken("arf-abuse.eml", barbara).replace("Feedback-Type: abuse", "Feedback-Type: not-spam");

        assertNotUnderstood("not-spam", reports.read(parse(notSpam)));
    }

    @Test
    void aDsnWithoutItsMachinePartOrWithAnUnknownActionIsNotUnderstood() {
        String noStatusPart = withToken("postfix-permanent.eml", linus)
                .replace("Content-Type: message/delivery-status", "Content-Type: text/plain");
        String oddAction = withToken("postfix-permanent.eml", linus).replace("Action: failed", "Action: bounced");
        String noStatus = withToken("postfix-permanent.eml", linus).replace("Status: 5.1.1\n", "");

        assertNotUnderstood("without its machine-readable part", reports.read(parse(noStatusPart)));
        assertNotUnderstood("Action bounced with Status 5.1.1 is no outcome", reports.read(parse(oddAction)));
        assertNotUnderstood("lack Status", reports.read(parse(noStatus)));
    }

    @Test
    void aLongDiagnosticIsCutToOneLineOfThreeHundredCharacters() {
        String longReply = withToken("postfix-permanent.eml", linus)
                .replace("User unknown in virtual mailbox table", "User unknown " + "and more words ".repeat(40));

        String detail = only(reports.read(parse(longReply))).detail();

        assertEquals(ReportText.DETAIL_LENGTH, detail.length());
        assertTrue(detail.startsWith("550 5.1.1 <linus@mail.example.net>: Recipient address rejected"), detail);
        assertTrue(detail.endsWith("…"), detail);
    }
}
