package dev.listwire.feedback.reports;

import jakarta.activation.DataHandler;
import jakarta.inject.Singleton;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MailDateFormat;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Date;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Builds the DSN a mail system sends back for a list email (RFC 3464, in the shape Gmail's "Mail Delivery
 * Subsystem" writes): a human-readable part, the {@code message/delivery-status} part and the original's headers
 * as {@code text/rfc822-headers}, so that its {@code X-Listwire-Delivery} comes back. The devstack's
 * {@code ./listwire bounce --local ADDRESS} drops one into the sending mailbox; tests bounce real list emails.
 */
@Singleton
public final class BounceMessages {

    private static final Pattern STATUS = Pattern.compile("[245]\\.\\d{1,3}\\.\\d{1,3}");
    private static final String CRLF = "\r\n";

    private final Session session = Session.getInstance(new Properties());

    /**
     * @param original     the list email as it was sent (its headers are returned in the DSN)
     * @param recipient    the address that bounced
     * @param status       the RFC 3463 status: {@code 5.x.x} failed, {@code 4.x.x} delayed, {@code 2.x.x} delivered
     * @param diagnostic   the remote server's reply, for example {@code 550 5.1.1 User unknown}
     * @param reportingMta the host that reports it, for example {@code googlemail.com}
     */
    public MimeMessage dsnFor(
            MimeMessage original, String recipient, String status, String diagnostic, String reportingMta)
            throws MessagingException {
        for (String value : new String[] {recipient, status, diagnostic, reportingMta}) {
            if (value.isBlank() || value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("a DSN's fields must be single non-blank lines: " + value);
            }
        }
        if (!STATUS.matcher(status).matches()) {
            throw new IllegalArgumentException("not an RFC 3463 status (x.y.z): " + status);
        }
        String action = status.startsWith("5.") ? "failed" : status.startsWith("4.") ? "delayed" : "delivered";
        Notice notice = new Notice(recipient, action, status, diagnostic, reportingMta);
        MimeMessage dsn = new MimeMessage(session);
        dsn.setFrom(from(reportingMta));
        Address[] sender = original.getFrom();
        if (sender != null && sender.length > 0) {
            dsn.setRecipient(Message.RecipientType.TO, sender[0]);
        }
        dsn.setSubject("Delivery Status Notification (" + subject(action) + ")");
        dsn.setSentDate(new Date());
        dsn.setHeader("Auto-Submitted", "auto-replied");
        if (action.equals("failed")) {
            dsn.setHeader("X-Failed-Recipients", recipient);
        }
        MimeMultipart report = new ReportMultipart("delivery-status");
        report.addBodyPart(human(notice));
        report.addBodyPart(part(deliveryStatus(original, notice), "message/delivery-status"));
        report.addBodyPart(part(headers(original), "text/rfc822-headers"));
        dsn.setContent(report);
        dsn.saveChanges();
        // The reporting host's own id, as a real DSN has, rather than Jakarta Mail's @localhost default.
        dsn.setHeader("Message-ID", "<" + UUID.randomUUID() + "@" + reportingMta + ">");
        return dsn;
    }

    private static MimeBodyPart human(Notice notice) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        String what = switch (notice.action()) {
            case "failed" -> "Your message wasn't delivered to " + notice.recipient() + ".";
            case "delayed" -> "Your message to " + notice.recipient() + " has been delayed. It will be retried.";
            default -> "Your message was delivered to " + notice.recipient() + ".";
        };
        part.setText(
                "This is the mail system at host " + notice.reportingMta() + "." + CRLF + CRLF + what + CRLF + CRLF
                        + "The response from the remote server was:" + CRLF + CRLF + notice.diagnostic() + CRLF,
                "UTF-8");
        return part;
    }

    private static String deliveryStatus(MimeMessage original, Notice notice) throws MessagingException {
        MailDateFormat dates = new MailDateFormat();
        Date sent = original.getSentDate() == null ? new Date() : original.getSentDate();
        return "Reporting-MTA: dns; " + notice.reportingMta() + CRLF
                + "Arrival-Date: " + dates.format(sent) + CRLF
                + CRLF
                + "Final-Recipient: rfc822; " + notice.recipient() + CRLF
                + "Action: " + notice.action() + CRLF
                + "Status: " + notice.status() + CRLF
                + MimeUtility.fold(0, "Diagnostic-Code: smtp; " + notice.diagnostic()) + CRLF
                + "Last-Attempt-Date: " + dates.format(new Date()) + CRLF;
    }

    private static String headers(MimeMessage original) throws MessagingException {
        StringBuilder text = new StringBuilder();
        for (String line : Collections.list(original.getAllHeaderLines())) {
            text.append(line).append(CRLF);
        }
        return text.append(CRLF).toString();
    }

    private static MimeBodyPart part(String content, String type) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(content.getBytes(StandardCharsets.UTF_8), type)));
        part.setHeader("Content-Type", type);
        return part;
    }

    private static InternetAddress from(String reportingMta) throws MessagingException {
        try {
            return new InternetAddress("mailer-daemon@" + reportingMta, "Mail Delivery Subsystem", "UTF-8");
        } catch (UnsupportedEncodingException e) {
            throw new MessagingException("UTF-8 is not supported", e);
        }
    }

    private static String subject(String action) {
        return switch (action) {
            case "failed" -> "Failure";
            case "delayed" -> "Delay";
            default -> "Success";
        };
    }

    /** What one DSN reports about one recipient. */
    private record Notice(String recipient, String action, String status, String diagnostic, String reportingMta) {}

    /** {@code multipart/report} with its {@code report-type} parameter, which {@link MimeMultipart} cannot set. */
    private static final class ReportMultipart extends MimeMultipart {
        ReportMultipart(String reportType) throws MessagingException {
            super("report");
            ContentType type = new ContentType(contentType);
            type.setParameter("report-type", reportType);
            contentType = type.toString();
        }
    }
}
