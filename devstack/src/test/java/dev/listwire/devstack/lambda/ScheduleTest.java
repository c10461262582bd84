package dev.listwire.devstack.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The devstack's stand-in for an EventBridge schedule, with runs that are plain calls (no function needed). */
class ScheduleTest {

    private static final Duration OFTEN = Duration.ofMillis(20);

    @Test
    void aFailedRunIsLoggedAndTheNextOneRunsAsPlanned() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch third = new CountDownLatch(3);
        try (Schedule schedule = Schedule.every("flaky", OFTEN, () -> {
            int run = runs.incrementAndGet();
            third.countDown();
            if (run == 1) {
                throw new IllegalStateException("the mailbox is not there");
            }
            if (run == 2) {
                throw new LinkageError("a class the jar lacks"); // an Error too: the schedule goes on
            }
            return null;
        })) {
            assertTrue(third.await(10, TimeUnit.SECONDS), "runs after two failures: " + runs.get());
        }
    }

    @Test
    void closeLetsTheRunInProgressFinishAndStartsNoOther() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        AtomicBoolean finished = new AtomicBoolean();
        CountDownLatch started = new CountDownLatch(1);
        Schedule schedule = Schedule.every("slow", OFTEN, () -> {
            runs.incrementAndGet();
            started.countDown();
            Thread.sleep(300);
            finished.set(true);
            return null;
        });
        assertTrue(started.await(10, TimeUnit.SECONDS));

        schedule.close();

        assertTrue(finished.get(), "close returned before the run in progress ended");
        int atClose = runs.get();
        Thread.sleep(200);
        assertEquals(atClose, runs.get(), "a run started after close");
    }
}
