package dev.listwire.common.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.listwire.common.mail.SmtpPool;
import jakarta.mail.Session;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * How a part widens its pool from its event's open parts, without a DynamoDB table: the reading is a supplier
 * here. The pool's connections are never used to send, so none is opened (the server is one that refuses).
 */
class ConnectionShareUnitTest {

    /** Pool size 2, the most 8: as for a list of four segments with a pool of 2. */
    private final SmtpPool pool = new SmtpPool(refusingServer(), 2, 8);

    @AfterEach
    void close() {
        pool.close();
    }

    @Test
    void withHalfThePartsEndedAPartTakesTwiceItsConnections() {
        ConnectionShare share = new ConnectionShare(() -> OptionalLong.of(2), 8, Duration.ofMillis(1), 3);

        widenUntilSettled(share);

        assertEquals(4, pool.size(), "8 connections granted, 2 parts open");
    }

    @Test
    void whatRoundingLeavesGoesToTheLowestNumberedParts() {
        SmtpPool[] pools = new SmtpPool[3];
        try {
            int held = 0;
            for (int part = 0; part < 3; part++) {
                pools[part] = new SmtpPool(refusingServer(), 4, 32);
                widenUntilSettled(
                        new ConnectionShare(() -> OptionalLong.of(3), 16, Duration.ofMillis(1), part), pools[part]);
                held += pools[part].size();
            }
            assertEquals(6, pools[0].size(), "16 connections, 3 parts open: part 0 takes the one left over");
            assertEquals(5, pools[1].size());
            assertEquals(16, held, "the three parts hold every connection the event was given");
        } finally {
            for (SmtpPool p : pools) {
                if (p != null) {
                    p.close();
                }
            }
        }
    }

    @Test
    void thePartsOpenNeverHoldMoreThanTheEventWasGiven() {
        for (int granted = 1; granted <= 64; granted++) {
            for (int open = 1; open <= 16; open++) {
                int lowest = 0;
                for (int part = 0; part < open; part++) {
                    lowest += ConnectionShare.share(granted, open, part);
                }
                // The lowest-numbered parts take the most: any other parts open hold at most as many.
                assertEquals(granted, lowest, granted + " granted, " + open + " open");
            }
        }
    }

    @Test
    void aPartNeverTakesMoreThanThePoolsMostNorFewerThanItsOwn() {
        widenUntilSettled(new ConnectionShare(() -> OptionalLong.of(0), 40, Duration.ofMillis(1), 3));
        assertEquals(8, pool.size(), "an openParts below 1 (a message delivered twice) counts as 1, up to the most");

        SmtpPool own = new SmtpPool(refusingServer(), 2, 8);
        try {
            ConnectionShare allOpen = new ConnectionShare(() -> OptionalLong.of(4), 8, Duration.ofMillis(1), 3);
            for (int i = 0; i < 20; i++) {
                allOpen.widen(own);
                sleep(2);
            }
            assertEquals(2, own.size(), "every part still open: each keeps its own");
        } finally {
            own.close();
        }
    }

    @Test
    void aSummaryThatCannotBeReadLeavesThePoolAndIsReadAgainLater() {
        AtomicInteger readings = new AtomicInteger();
        ConnectionShare share = new ConnectionShare(
                () -> {
                    readings.incrementAndGet();
                    throw new IllegalStateException("DynamoDB refused");
                },
                8,
                Duration.ofMillis(1),
                3);

        for (int i = 0; i < 50 && readings.get() < 3; i++) {
            share.widen(pool);
            sleep(2);
        }

        assertTrue(readings.get() >= 3, "read again after a failed reading: " + readings.get());
        assertEquals(2, pool.size());
    }

    @Test
    void theSendingThreadNeverWaitsForAReading() {
        CountDownLatch answer = new CountDownLatch(1);
        Supplier<OptionalLong> slow = () -> {
            try {
                answer.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return OptionalLong.of(1);
        };
        ConnectionShare share = new ConnectionShare(slow, 8, Duration.ofMillis(1), 3);

        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            for (int i = 0; i < 100; i++) {
                share.widen(pool);
            }
        });
        assertEquals(2, pool.size(), "nothing read yet");

        answer.countDown();
        widenUntilSettled(share);
        assertEquals(8, pool.size());
    }

    @Test
    void aListNotSplitNeverReads() {
        ConnectionShare.NONE.widen(pool);
        assertEquals(2, pool.size());
    }

    @Test
    void narrowingGoesBackToThePoolsOwnSizeForTheNextEvent() {
        widenUntilSettled(new ConnectionShare(() -> OptionalLong.of(1), 8, Duration.ofMillis(1), 3));
        assertEquals(8, pool.size());

        pool.narrow();

        assertEquals(2, pool.size());
    }

    private void widenUntilSettled(ConnectionShare share) {
        widenUntilSettled(share, pool);
    }

    private static void widenUntilSettled(ConnectionShare share, SmtpPool pool) {
        for (int i = 0; i < 20; i++) {
            share.widen(pool);
            sleep(5);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Session refusingServer() {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", "1");
        return Session.getInstance(properties);
    }
}
