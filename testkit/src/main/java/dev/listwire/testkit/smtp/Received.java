package dev.listwire.testkit.smtp;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A message {@link ScriptedSmtpServer} accepted (answered 2xx at the end of data): the envelope, the raw message
 * after dot-unstuffing (CRLF line ends, as sent), and the user the connection authenticated as, if it did.
 * The raw bytes are not copied: do not change them.
 */
public record Received(String from, List<String> recipients, byte[] raw, Optional<String> user) {

    private static final Pattern MESSAGE_ID =
            Pattern.compile("(?im)^Message-ID:[ \\t]*(?:\\r?\\n[ \\t]+)?(<[^>\\r\\n]*>)");

    public Received {
        recipients = List.copyOf(recipients);
    }

    public boolean isFor(String address) {
        return recipients.stream().anyMatch(r -> r.equalsIgnoreCase(address));
    }

    /** The {@code Message-ID} header's value, angle brackets included. */
    public Optional<String> messageId() {
        Matcher m = MESSAGE_ID.matcher(headers());
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** The raw message as text (UTF-8; the headers are ASCII). */
    public String text() {
        return new String(raw, StandardCharsets.UTF_8);
    }

    /** The message parsed by Jakarta Mail, for its headers and parts. */
    public MimeMessage mimeMessage() {
        try {
            return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
        } catch (MessagingException e) {
            throw new IllegalStateException("the accepted message does not parse: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "Received[from=" + from + ", to=" + recipients + ", " + raw.length + " bytes, messageId="
                + messageId().orElse("none") + "]";
    }

    private String headers() {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        return end < 0 ? text : text.substring(0, end);
    }
}
