package dev.listwire.common.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** How long an event waits after the SMTP account's refusals: doubling with each in a row, never past SQS's 900 s. */
class RefusalConfigurationTest {

    @Test
    void eachDeferralInARowWaitsTwiceAsLongUpToSqssLongestDelay() {
        RefusalConfiguration defaults =
                new RefusalConfiguration(Duration.ofSeconds(60), Duration.ofSeconds(900), 3, Duration.ofMinutes(5), 5);

        assertEquals(
                List.of(60, 120, 240, 480, 900, 900, 900),
                IntStream.rangeClosed(1, 7)
                        .map(defaults::deferralSeconds)
                        .boxed()
                        .toList());
        assertEquals(900, defaults.deferralSeconds(10_000), "no overflow however long the account stays refused");
    }

    @Test
    void aLongestDeferralPastSqssLimitIsCappedAtIt() {
        RefusalConfiguration longer =
                new RefusalConfiguration(Duration.ofMinutes(10), Duration.ofHours(1), 3, Duration.ofHours(1), 5);

        assertEquals(600, longer.deferralSeconds(1));
        assertEquals(900, longer.deferralSeconds(2));
        assertEquals(900, longer.addressRetrySeconds());
    }

    @Test
    void refusesNoTriesAndABreakerThatNeverTrips() {
        assertThrows(
                IllegalStateException.class,
                () -> new RefusalConfiguration(Duration.ofSeconds(1), Duration.ofSeconds(1), 0, Duration.ZERO, 5));
        assertThrows(
                IllegalStateException.class,
                () -> new RefusalConfiguration(Duration.ofSeconds(1), Duration.ofSeconds(1), 3, Duration.ZERO, 0));
    }
}
