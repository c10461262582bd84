package dev.listwire.devstack.lambda;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs a function's invocation over and over, as an EventBridge Scheduler schedule does: the first run at
 * once, each next one a fixed delay after the last one ended (so two runs never overlap, as the function's
 * reserved concurrency of 1 ensures in AWS). A run that fails is logged and the next one runs as planned: a
 * schedule never stops because one run failed, and nothing of it stops the devstack.
 */
public final class Schedule implements AutoCloseable {

    /** A run in progress at close may finish within this. */
    private static final long DRAIN_SECONDS = 30;

    private final String name;
    private final ScheduledExecutorService thread;

    private Schedule(String name, ScheduledExecutorService thread) {
        this.name = name;
        this.thread = thread;
    }

    /**
     * Starts calling {@code run} (one invocation of the function {@code name}) every {@code every}. Closing the
     * schedule stops the runs, not the function, which its owner closes.
     */
    public static Schedule every(String name, Duration every, Callable<?> run) {
        ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread t = new Thread(runnable, "schedule-" + name);
            t.setDaemon(true);
            return t;
        });
        Schedule schedule = new Schedule(name, thread);
        thread.scheduleWithFixedDelay(() -> schedule.runOnce(run, every), 0, every.toMillis(), TimeUnit.MILLISECONDS);
        return schedule;
    }

    private void runOnce(Callable<?> run, Duration every) {
        try {
            run.call();
        } catch (Exception | Error e) {
            // A scheduled executor drops every later run of a task that throws: nothing may escape here.
            System.err.println(
                    name + ": a scheduled run failed; the next one runs in " + every.toMillis() + " ms: " + e);
        }
    }

    @Override
    public void close() {
        thread.shutdown();
        try {
            if (!thread.awaitTermination(DRAIN_SECONDS, TimeUnit.SECONDS)) {
                System.err.println(name + ": a scheduled run was still going at shutdown; interrupted");
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            thread.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
