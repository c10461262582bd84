package dev.listwire.devstack.web;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.mail.BodyPart;
import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** One email GreenMail received, as the mail viewer and {@code ./listwire mail} show it. */
@Serdeable
public record ReceivedMail(
        int number,
        String from,
        String to,
        String subject,
        String date,
        String listId,
        List<HeaderLine> headers,
        String text,
        String html) {

    @Serdeable
    public record HeaderLine(String name, String value) {}

    static ReceivedMail of(int number, MimeMessage message) {
        try {
            List<HeaderLine> headers = new ArrayList<>();
            for (Header h : Collections.list(message.getAllHeaders())) {
                headers.add(new HeaderLine(h.getName(), h.getValue()));
            }
            return new ReceivedMail(
                    number,
                    header(message, "From"),
                    header(message, "To"),
                    Optional.ofNullable(message.getSubject()).orElse(""),
                    header(message, "Date"),
                    header(message, "List-Id"),
                    headers,
                    part(message, "text/plain").orElse(""),
                    part(message, "text/html").orElse(""));
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("Cannot read received message " + number + ": " + e.getMessage(), e);
        }
    }

    private static String header(MimeMessage message, String name) throws MessagingException {
        return Optional.ofNullable(message.getHeader(name, ", ")).orElse("");
    }

    private static Optional<String> part(Part part, String type) throws MessagingException, IOException {
        if (part.isMimeType(type) && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            return Optional.of(String.valueOf(part.getContent()));
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                Optional<String> found = part(child, type);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }
}
