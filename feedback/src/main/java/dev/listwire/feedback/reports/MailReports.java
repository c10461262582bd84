package dev.listwire.feedback.reports;

import dev.listwire.common.links.DeliveryRef;
import dev.listwire.common.links.DeliveryRefs;
import jakarta.inject.Singleton;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Locale;

/**
 * Reads an email from the sending mailbox as a bounce or complaint report: a {@code multipart/report}
 * (RFC 6522) of {@code report-type=delivery-status} (a DSN, RFC 3464) or {@code feedback-report} (ARF,
 * RFC 5965), quoting the original email's headers with a {@code X-Listwire-Delivery} that verifies and names
 * the address the report is about. Everything else is {@link Reading.NotUnderstood}, with why: a message that
 * only looks like a bounce (a plain-text "Undelivered Mail" from MAILER-DAEMON), unrelated mail, a report on an
 * email listwire did not send or on another address. Bad input never throws.
 */
@Singleton
public final class MailReports {

    private final OriginalDelivery originals;

    public MailReports(DeliveryRefs refs) {
        this.originals = new OriginalDelivery(refs);
    }

    public Reading read(MimeMessage message) {
        try {
            return readReport(message);
        } catch (MessagingException | IOException | RuntimeException unreadable) {
            return new Reading.NotUnderstood("unreadable: "
                    + unreadable.getClass().getSimpleName() + ": " + ReportText.oneLine(unreadable.getMessage()));
        }
    }

    private Reading readReport(MimeMessage message) throws MessagingException, IOException {
        ContentType type = new ContentType(message.getContentType());
        String reportType = String.valueOf(type.getParameter("report-type")).toLowerCase(Locale.ROOT);
        if (!type.match("multipart/report")) {
            return new Reading.NotUnderstood(
                    "not a report: " + type.getBaseType().toLowerCase(Locale.ROOT));
        }
        // RFC 6522: report-type names the machine part's subtype; a global DSN (RFC 6533) may name its own.
        boolean dsn = reportType.equals("delivery-status") || reportType.equals("global-delivery-status");
        if (!dsn && !reportType.equals("feedback-report")) {
            return new Reading.NotUnderstood("a report of type " + ReportText.oneLine(reportType));
        }
        if (!(message.getContent() instanceof Multipart multipart)) {
            return new Reading.NotUnderstood("a multipart/report without parts");
        }
        ReportParts parts = ReportParts.of(multipart);
        boolean arfPart = parts.machineType().equals("message/feedback-report");
        if (parts.machine().isEmpty() || dsn == arfPart) {
            return new Reading.NotUnderstood("a " + reportType + " report without its machine-readable part");
        }
        if (parts.original().isEmpty()) {
            return new Reading.NotUnderstood("the report quotes no headers of the original email");
        }
        OriginalDelivery.Verified verified = originals.verify(parts.original().get());
        if (verified.ref().isEmpty()) {
            return new Reading.NotUnderstood(verified.why());
        }
        DeliveryRef ref = verified.ref().get();
        String source = source(message);
        return dsn
                ? DsnReports.read(parts.machine().get(), ref, source)
                : ArfReports.read(parts.machine().get(), ref, source);
    }

    /** The report's Message-ID, or a hash of its content when it has none: the same report gives the same. */
    private static String source(MimeMessage message) throws MessagingException, IOException {
        String id = message.getMessageID();
        if (id != null && !id.isBlank()) {
            return "message-id " + ReportText.oneLine(id);
        }
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        message.writeTo(content);
        return "content " + ReportIds.hex(content.toByteArray());
    }
}
