package dev.listwire.feedback.reports;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The body of a {@code message/delivery-status} or {@code message/feedback-report} part: groups of header-like
 * fields separated by blank lines (RFC 3464 section 2.1: the per-message fields, then one group per
 * recipient), each read by Jakarta Mail's {@link InternetHeaders}, which unfolds continuation lines.
 */
final class FieldGroups {

    private static final Pattern BLANK_LINE = Pattern.compile("\\r?\\n[ \\t]*\\r?\\n");

    private FieldGroups() {}

    static List<InternetHeaders> of(byte[] body) throws MessagingException {
        // UTF-8 throughout: message/global-delivery-status (RFC 6533) may carry it, and ASCII is a subset.
        String text = new String(body, StandardCharsets.UTF_8).strip();
        List<InternetHeaders> groups = new ArrayList<>();
        for (String group : BLANK_LINE.split(text)) {
            if (group.isBlank()) {
                continue;
            }
            byte[] bytes = (group.strip() + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
            groups.add(new InternetHeaders(new ByteArrayInputStream(bytes), true));
        }
        return groups;
    }

    /** A field's value, unfolded, or empty when it is absent or blank. */
    static Optional<String> field(InternetHeaders group, String name) {
        String value = group.getHeader(name, " ");
        return value == null || value.isBlank()
                ? Optional.empty()
                : Optional.of(MimeUtility.unfold(value).strip());
    }
}
