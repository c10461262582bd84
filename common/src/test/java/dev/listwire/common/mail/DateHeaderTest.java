package dev.listwire.common.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import jakarta.mail.internet.MailDateFormat;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class DateHeaderTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-01T02:03:04.250Z"));
    private final DateHeader dates = new DateHeader(new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    });

    @Test
    void theHeaderSaysTheSecondInRfc5322FormAsMailReadsIt() throws Exception {
        String header = dates.now();

        assertEquals("Tue, 1 Dec 2026 02:03:04 +0000", header);
        assertEquals(
                Instant.parse("2026-12-01T02:03:04Z"),
                new MailDateFormat().parse(header).toInstant());
    }

    @Test
    void withinOneSecondTheSameTextAndTheNextSecondANewOne() {
        String first = dates.now();
        now.set(Instant.parse("2026-12-01T02:03:04.999Z"));
        assertEquals(first, dates.now());

        now.set(Instant.parse("2026-12-01T02:03:05.001Z"));
        assertNotEquals(first, dates.now());
        assertEquals("Tue, 1 Dec 2026 02:03:05 +0000", dates.now());
    }
}
