package dev.listwire.feedback;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * A report fixture ({@code reports/*.eml}) about a real email: its {@code {{delivery}}} placeholder filled with
 * the header that email carried, and a Message-ID of the test's choosing, so that two reports can be one or two.
 */
final class Reports {

    private Reports() {}

    static MimeMessage about(String fixture, String deliveryHeader, String reportMessageId) {
        try (InputStream in = Reports.class.getResourceAsStream("/reports/" + fixture)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture reports/" + fixture);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("{{delivery}}", deliveryHeader);
            MimeMessage report = new MimeMessage(
                    Session.getInstance(new Properties()),
                    new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
            report.setHeader("Message-ID", "<" + reportMessageId + "@reports.example.net>");
            return report;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
