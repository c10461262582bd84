package dev.listwire.devstack.lambda;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Invokes a function over and over, as an EventBridge Scheduler schedule does: the first run at once, each
 * next one a fixed delay after the last one ended (so two runs never overlap, as the function's reserved
 * concurrency of 1 ensures in AWS). A run that fails is logged and the next one runs as planned: a schedule
 * never stops because one run failed, and nothing of it stops the devstack.
 */
public final class Schedule implements AutoCloseable {

    /** A run in progress at close may finish within this; the mailbox is left consistent by the function. */
    private static final long DRAIN_SECONDS = 30;

    private final ScheduledFunction function;
    private final ScheduledExecutorService thread;

    private Schedule(ScheduledFunction function, ScheduledExecutorService thread) {
        this.function = function;
        this.thread = thread;
    }

    /**
     * Starts invoking {@code function} every {@code every}, with {@code input} (JSON) and {@code timeout} as
     * the schedule and the function's configuration would give them. Closing it stops the runs (not the
     * function, which its owner closes).
     */
    public static Schedule every(Duration every, ScheduledFunction function, String input, Duration timeout) {
        ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread t = new Thread(runnable, "schedule-" + function.name());
            t.setDaemon(true);
            return t;
        });
        Schedule schedule = new Schedule(function, thread);
        thread.scheduleWithFixedDelay(
                () -> schedule.runOnce(input, timeout.toMillis(), every), 0, every.toMillis(), TimeUnit.MILLISECONDS);
        return schedule;
    }

    private void runOnce(String input, long timeoutMillis, Duration every) {
        try {
            function.invoke(input, timeoutMillis);
        } catch (Exception | Error e) {
            // A scheduled executor drops every later run of a task that throws: nothing may escape here.
            System.err.println(function.name() + ": a scheduled run failed; the next one runs in "
                    + every.toSeconds() + " s: " + e);
        }
    }

    @Override
    public void close() {
        thread.shutdown();
        try {
            if (!thread.awaitTermination(DRAIN_SECONDS, TimeUnit.SECONDS)) {
                System.err.println(function.name() + ": a scheduled run was still going at shutdown; interrupted");
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            thread.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
