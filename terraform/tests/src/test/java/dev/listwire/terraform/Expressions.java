package dev.listwire.terraform;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The few expression shapes the tests need to evaluate, read from the HCL rather than assumed. */
final class Expressions {

    private static final Pattern PRODUCT =
            Pattern.compile("^(\\d+) \\* var\\.timeout_seconds$|^var\\.timeout_seconds \\* (\\d+)$");

    private Expressions() {}

    /** k in the list module's {@code visibility_timeout_seconds = k * var.timeout_seconds}. */
    static int timeoutFactor(Module list) {
        String visibility = Module.expr(list.local("visibility_timeout_seconds"));
        Matcher m = PRODUCT.matcher(visibility);
        if (!m.matches()) {
            throw new AssertionError("visibility_timeout_seconds is not <k> * var.timeout_seconds: " + visibility);
        }
        return Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(2));
    }

    /** The handler class of a list, by the convention the root module's local.lists applies. */
    static String handler(String listName) {
        StringBuilder type = new StringBuilder();
        for (String word : listName.split("-")) {
            type.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
        return "dev.listwire.lists." + listName.replace("-", "") + "." + type + "Function";
    }
}
