package dev.listwire.subscriptions;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads what a browser would from a page: the action of a form. */
final class Html {

    private static final Pattern ACTION = Pattern.compile("<form[^>]*action=\"([^\"]+)\"");

    private Html() {
    }

    /** The action of the first form whose action ends with this suffix. */
    static String formAction(String html, String suffix) {
        Matcher m = ACTION.matcher(html);
        while (m.find()) {
            if (m.group(1).endsWith(suffix)) {
                return m.group(1);
            }
        }
        throw new AssertionError("no form posting to …" + suffix + " in:\n" + html);
    }
}
