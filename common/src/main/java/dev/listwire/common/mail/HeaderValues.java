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
        return SPACES.matcher(CONTROL.matcher(value).replaceAll(" "))
                .replaceAll(" ")
                .strip();
    }

    public static boolean hasLineBreak(String value) {
        return value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0;
    }
}
