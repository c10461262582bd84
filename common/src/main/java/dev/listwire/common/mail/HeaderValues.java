package dev.listwire.common.mail;

import java.util.regex.Pattern;

/**
 * Header values built from payloads and member attributes. Any CR or LF (and every other control
 * character) becomes a space, so that no event can add a header (Bcc, a second Subject) to an email.
 */
public final class HeaderValues {

    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}\\u2028\\u2029\\u0085]+");
    private static final Pattern SPACES = Pattern.compile(" {2,}");

    private HeaderValues() {}

    public static String singleLine(String value) {
        if (isSingleLine(value)) {
            // Most values (every subject of a list, rendered once an email) need nothing: no regex for them.
            return value.strip();
        }
        return SPACES.matcher(CONTROL.matcher(value).replaceAll(" "))
                .replaceAll(" ")
                .strip();
    }

    /** True when neither pattern above would change the value: no control character, no two spaces in a row. */
    private static boolean isSingleLine(String value) {
        char previous = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20
                    || c == 0x7f
                    || c == '\u0085'
                    || c == '\u2028'
                    || c == '\u2029'
                    || (c == ' ' && previous == ' ')) {
                return false;
            }
            previous = c;
        }
        return true;
    }

    public static boolean hasLineBreak(String value) {
        return value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0;
    }
}
