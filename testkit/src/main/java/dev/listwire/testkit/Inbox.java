package dev.listwire.testkit;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** What GreenMail received, by recipient, and the parts of a multipart/alternative email. */
public final class Inbox {

    private final TestMailServer mail;

    public Inbox(TestMailServer mail) {
        this.mail = mail;
    }

    public List<MimeMessage> all() {
        return Arrays.asList(mail.getReceivedMessages());
    }

    /** Every email, grouped by its To address. */
    public Map<String, List<MimeMessage>> byRecipient() {
        return all().stream().collect(Collectors.groupingBy(Inbox::to));
    }

    /** Every address that received an email, sorted. */
    public List<String> recipients() {
        return byRecipient().keySet().stream().sorted().toList();
    }

    public List<MimeMessage> to(String address) {
        return byRecipient().getOrDefault(address, List.of());
    }

    public static String to(MimeMessage message) {
        try {
            return message.getRecipients(Message.RecipientType.TO)[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The body part of this type ({@code text/plain} or {@code text/html}), decoded. */
    public static String part(MimeMessage message, String type) {
        try {
            Object content = message.getContent();
            if (!(content instanceof Multipart multipart)) {
                throw new AssertionError("expected multipart/alternative, got " + message.getContentType());
            }
            for (int i = 0; i < multipart.getCount(); i++) {
                Part part = multipart.getBodyPart(i);
                if (part.isMimeType(type)) {
                    return (String) part.getContent();
                }
            }
            throw new AssertionError("no " + type + " part in " + message.getContentType());
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String header(MimeMessage message, String name) {
        try {
            String[] values = message.getHeader(name);
            return values == null ? null : values[0];
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
