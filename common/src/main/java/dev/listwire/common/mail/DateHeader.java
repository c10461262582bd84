package dev.listwire.common.mail;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The {@code Date} header's value (RFC 5322 3.3, whole seconds, UTC), formatted once a second rather than
 * once an email: Jakarta Mail's {@code setSentDate} formats through one shared, synchronized date format
 * for every message, a visible share of the CPU an email costs.
 */
final class DateHeader {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.US).withZone(ZoneOffset.UTC);

    private record Formatted(long second, String text) {}

    private final Clock clock;
    private volatile Formatted last = new Formatted(Long.MIN_VALUE, "");

    DateHeader(Clock clock) {
        this.clock = clock;
    }

    /** Now, as a {@code Date} header says it. */
    String now() {
        long second = clock.millis() / 1000;
        Formatted formatted = last;
        if (formatted.second() != second) {
            formatted = new Formatted(second, FORMAT.format(Instant.ofEpochSecond(second)));
            last = formatted;
        }
        return formatted.text();
    }
}
