package dev.listwire.feedback;

import dev.listwire.feedback.reports.ReportFixtures;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * A report fixture about a real email: its original's delivery header is the one that email carried, and its
 * Message-ID is the test's choice, so that two reports can be one or two.
 */
final class Reports {

    private Reports() {}

    static MimeMessage about(String fixture, String deliveryHeader, String reportMessageId) {
        MimeMessage report = ReportFixtures.parse(ReportFixtures.withToken(fixture, deliveryHeader));
        try {
            report.setHeader("Message-ID", "<" + reportMessageId + "@reports.example.net>");
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
        return report;
    }
}
