package dev.listwire.common.mail;

/**
 * Header values built from payloads and member attributes. Any CR or LF (and every other control
 * character) becomes a space, so that no event can add a header (Bcc, a second Subject) to an email.
 */
public final class HeaderValues {

    private HeaderValues() {}

    /**
     * The value on one line: every control character (C0, DEL, NEL, and the line and paragraph separators)
     * becomes a space, a run of spaces becomes one, and the ends are stripped, in one pass.
     */
    public static String singleLine(String value) {
        StringBuilder line = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = breaksTheLine(value.charAt(i)) ? ' ' : value.charAt(i);
            if (c != ' ' || line.isEmpty() || line.charAt(line.length() - 1) != ' ') {
                line.append(c);
            }
        }
        return line.toString().strip();
    }

    private static boolean breaksTheLine(char c) {
        return c < 0x20 || c == 0x7f || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }

    public static boolean hasLineBreak(String value) {
        return value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0;
    }
}
