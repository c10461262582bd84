package dev.listwire.common.function;

import java.util.concurrent.TimeUnit;

/** Keeps one invocation under the list's send rate ({@code tuning.sendRatePerSecond}). */
final class SendPacer {

    private final long intervalNanos;
    private long next = System.nanoTime();

    SendPacer(double perSecond) {
        this.intervalNanos = (long) (TimeUnit.SECONDS.toNanos(1) / perSecond);
    }

    void await() {
        long now = System.nanoTime();
        if (next > now) {
            try {
                TimeUnit.NANOSECONDS.sleep(next - now);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while pacing sends", e);
            }
        }
        next = Math.max(now, next) + intervalNanos;
    }
}
