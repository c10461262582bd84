package dev.listwire.feedback.reports;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A report's id, the same every time the same report is read (a DSN read on two runs, SES redelivering a
 * notification): hex SHA-256 of what names the report at its source, the recipient and the kind.
 */
final class ReportIds {

    private ReportIds() {}

    static String of(String source, String recipient, ReportKind kind) {
        return hex(source + "\n" + recipient.toLowerCase(Locale.ROOT) + "\n" + kind.name());
    }

    static String hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static String hex(String text) {
        return hex(text.getBytes(StandardCharsets.UTF_8));
    }
}
