package dev.listwire.common.mail;

import com.github.jknack.handlebars.EscapingStrategy;
import com.github.jknack.handlebars.Handlebars;

/**
 * Handlebars' default escaping ({@link EscapingStrategy#HTML_ENTITY}), with a short way through for a value
 * that holds none of the characters it replaces. Most of what a list email renders (symbols, prices, the
 * signed links) holds none, and the default looks each character up in a map of strings, on every email.
 * Anything it would change still goes through it, so what is written is the same.
 */
final class HtmlEscaping implements EscapingStrategy {

    private static final EscapingStrategy HTML = EscapingStrategy.HTML_ENTITY;

    @Override
    public CharSequence escape(CharSequence value) {
        if (value == null || value instanceof Handlebars.SafeString) {
            return HTML.escape(value);
        }
        for (int i = 0; i < value.length(); i++) {
            if (replaced(value.charAt(i))) {
                return HTML.escape(value);
            }
        }
        return value.toString();
    }

    /** The characters {@link EscapingStrategy#HTML_ENTITY} writes as entities. */
    static boolean replaced(char c) {
        return switch (c) {
            case '<', '>', '"', '\'', '`', '&', '=' -> true;
            default -> false;
        };
    }
}
