package dev.listwire.feedback.reports;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The field values reports carry, made safe for a log line, a ledger attribute and a comparison. */
final class ReportText {

    /** What a detail is cut to: enough for the reply's words, not a whole bounce text in the ledger. */
    static final int DETAIL_LENGTH = 300;

    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}\\u2028\\u2029\\u0085\\s]+");
    /** An RFC 3463 status at the start of a value, as a DSN's {@code Status} or SES's {@code status} has it. */
    private static final Pattern STATUS = Pattern.compile("^\\s*([245]\\.\\d{1,3}\\.\\d{1,3})(?!\\d)");

    private ReportText() {}

    /** Unfolded, control characters as spaces, cut to {@link #DETAIL_LENGTH}. */
    static String oneLine(String value) {
        return cut(unfolded(value));
    }

    /** The {@code x.y.z} status a value starts with, without the comment some MTAs add after it. */
    static Optional<String> status(String value) {
        Matcher matcher = STATUS.matcher(value == null ? "" : value);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /**
     * An address field without its RFC 3464 address type ({@code rfc822;}, {@code utf-8;}), angle brackets or
     * case: {@code rfc822; <Ada@Example.com>} is {@code ada@example.com}.
     */
    static String address(String value) {
        String address = value == null ? "" : value.strip();
        int semicolon = address.indexOf(';');
        if (semicolon >= 0 && address.substring(0, semicolon).matches("\\s*[A-Za-z0-9-]+\\s*")) {
            address = address.substring(semicolon + 1).strip();
        }
        if (address.startsWith("<") && address.endsWith(">")) {
            address = address.substring(1, address.length() - 1).strip();
        }
        return address.toLowerCase(Locale.ROOT);
    }

    /** A diagnostic code without its type ({@code smtp; 550 …} is {@code 550 …}), on one line. */
    static String diagnostic(String value) {
        String line = unfolded(value);
        int semicolon = line.indexOf(';');
        if (semicolon > 0 && line.substring(0, semicolon).matches("[A-Za-z0-9-]+")) {
            line = line.substring(semicolon + 1).strip();
        }
        return cut(line);
    }

    private static String unfolded(String value) {
        return CONTROL.matcher(value == null ? "" : value).replaceAll(" ").strip();
    }

    private static String cut(String line) {
        return line.length() <= DETAIL_LENGTH ? line : line.substring(0, DETAIL_LENGTH - 1) + "…";
    }
}
