package dev.listwire.testkit.smtp;

import java.util.Locale;
import java.util.Optional;

/** The address of a {@code MAIL FROM:<a>} or {@code RCPT TO:<a>} argument, parameters after it ignored. */
final class Addresses {

    private Addresses() {}

    static Optional<String> of(String argument, String keyword) {
        if (!argument.toUpperCase(Locale.ROOT).startsWith(keyword)) {
            return Optional.empty();
        }
        String rest = argument.substring(keyword.length()).trim();
        if (rest.startsWith("<")) {
            int end = rest.indexOf('>');
            return end < 0 ? Optional.empty() : Optional.of(rest.substring(1, end));
        }
        int space = rest.indexOf(' ');
        return Optional.of(space < 0 ? rest : rest.substring(0, space));
    }
}
