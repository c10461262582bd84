package dev.listwire.feedback.reports;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetHeaders;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.Set;

/**
 * The two parts of a {@code multipart/report} (RFC 6522) that listwire reads: the machine-readable one
 * ({@code message/delivery-status}, RFC 3464; {@code message/global-delivery-status}, RFC 6533;
 * {@code message/feedback-report}, RFC 5965) as bytes, and the headers of the original email, from
 * {@code text/rfc822-headers}, {@code message/rfc822}, {@code message/global} or {@code message/global-headers}.
 * The human-readable part (text, or HTML and text in Exchange's) is never read: its words are not a contract.
 */
record ReportParts(Optional<byte[]> machine, String machineType, Optional<InternetHeaders> original) {

    static final Set<String> MACHINE_TYPES =
            Set.of("message/delivery-status", "message/global-delivery-status", "message/feedback-report");
    private static final Set<String> ORIGINAL_TYPES =
            Set.of("text/rfc822-headers", "message/rfc822", "message/global", "message/global-headers");

    static ReportParts of(Multipart report) throws MessagingException, IOException {
        Optional<byte[]> machine = Optional.empty();
        String machineType = "";
        Optional<InternetHeaders> original = Optional.empty();
        for (int i = 0; i < report.getCount(); i++) {
            BodyPart part = report.getBodyPart(i);
            String type = new ContentType(part.getContentType()).getBaseType().toLowerCase(java.util.Locale.ROOT);
            if (MACHINE_TYPES.contains(type) && machine.isEmpty()) {
                try (InputStream in = part.getInputStream()) {
                    machine = Optional.of(in.readAllBytes());
                    machineType = type;
                }
            } else if (ORIGINAL_TYPES.contains(type) && original.isEmpty()) {
                // Only the header section is read: a returned message/rfc822 may be the whole original.
                try (InputStream in = part.getInputStream()) {
                    original = Optional.of(new InternetHeaders(in, true));
                }
            }
        }
        return new ReportParts(machine, machineType, original);
    }
}
