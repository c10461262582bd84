package dev.listwire.subscriptions;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads what a browser would from a page: the action of a form. */
final class Html {

    private static final Pattern STATE = Pattern.compile("<p class=\"state [^\"]+\">([^<]+)</p>");
    private static final Pattern ACTION = Pattern.compile("<form[^>]*action=\"([^\"]+)\"");

    private Html() {}

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

    /** The state shown on a list's card of the preference page ("Subscribed", "Not subscribed", ...). */
    static String state(String html, String list) {
        int card = html.indexOf("id=\"list-" + list + "\"");
        if (card < 0) {
            throw new AssertionError("no card for " + list + " in:\n" + html);
        }
        Matcher m = STATE.matcher(html);
        if (!m.find(card)) {
            throw new AssertionError("no state on the card of " + list);
        }
        return m.group(1);
    }
}
