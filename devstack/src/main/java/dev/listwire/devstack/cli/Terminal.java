package dev.listwire.devstack.cli;

/**
 * Text from outside (a producer's message body, an email, a member's attributes) as it may reach a
 * terminal: control characters shown escaped ({@code \x1b}, {@code \u009b}), so an escape sequence in a body
 * cannot move the cursor, rewrite the screen or set the window title. Line feeds and tabs stay in
 * {@link #text}, which prints a body over several lines; {@link #line} keeps one value on one line.
 */
final class Terminal {

    private Terminal() {}

    static String line(String value) {
        return escape(value, false);
    }

    /** A body over several lines: its CRLF line ends (every email's) print as line ends; a lone CR is escaped. */
    static String text(String value) {
        return escape(value == null ? null : value.replace("\r\n", "\n"), true);
    }

    private static String escape(String value, boolean keepLines) {
        if (value == null) {
            return "";
        }
        StringBuilder shown = new StringBuilder(value.length());
        value.codePoints().forEach(c -> {
            if (keepLines && (c == '\n' || c == '\t')) {
                shown.append((char) c);
            } else if (c < 0x20 || c == 0x7f) {
                shown.append(String.format("\\x%02x", c));
            } else if ((c >= 0x80 && c <= 0x9f)
                    || c == 0x2028
                    || c == 0x2029
                    || (c >= 0x202a && c <= 0x202e)
                    || (c >= 0x2066 && c <= 0x2069)) {
                shown.append(String.format("\\u%04x", c)); // C1 controls (CSI is 0x9b), line separators, bidi overrides
            } else {
                shown.appendCodePoint(c);
            }
        });
        return shown.toString();
    }
}
