package dev.listwire.feedback.reports;

import dev.listwire.common.links.DeliveryRef;
import dev.listwire.common.links.DeliveryRefs;
import dev.listwire.common.links.LinkConfiguration;
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
 * The report fixtures under {@code reports/}, with the original email's {@code {{delivery}}} placeholder filled
 * by a token signed with the test key, as listwire would have signed the email the report is about (or, for the
 * feedback function's own tests, by the header a real list email carried).
 */
public final class ReportFixtures {

    static final String LIST = "prices";
    static final LinkConfiguration KEYS =
            new LinkConfiguration(null, "k1", "test-signing-key-0123456789abcdefghijkl", null);
    static final DeliveryRefs REFS = new DeliveryRefs(KEYS);
    static final Session SESSION = Session.getInstance(new Properties());

    private ReportFixtures() {}

    /** The delivery of event {@code evt-1} on the list to {@code email}. */
    static DeliveryRef ref(String email) {
        return new DeliveryRef(LIST, "evt-1", email);
    }

    static String text(String fixture) {
        try (InputStream in = ReportFixtures.class.getResourceAsStream("/reports/" + fixture)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture reports/" + fixture);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fixture with {@code token} where the original's delivery header is. */
    public static String withToken(String fixture, String token) {
        return text(fixture).replace("{{delivery}}", token);
    }

    static MimeMessage mail(String fixture, String token) {
        return parse(withToken(fixture, token));
    }

    public static MimeMessage parse(String text) {
        try {
            return new MimeMessage(SESSION, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
