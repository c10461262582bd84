package dev.listwire.common.function;

import dev.listwire.common.mail.SmtpPool;
import dev.listwire.common.threads.Background;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The SMTP connections that an event's ended parts no longer use, for its parts still running.
 *
 * <p>An event split into {@code n} scan segments may hold {@code pool-size x n} connections at once. DynamoDB
 * splits a table by the hash of its keys, so the segments are seldom even: without this, the largest one
 * would send its last emails over its own few connections while the others' sat closed, and the event would
 * take as long as its largest segment. So every {@code listwire.smtp.share-every} a running part reads its
 * event's summary in the background and, with {@code openParts} parts still to run, widens its pool to
 * {@code pool-size x n / openParts}, rounded down, and never beyond {@code listwire.smtp.max-pool-size}. What
 * the rounding leaves goes one connection each to the lowest-numbered parts (part {@code s} takes one when
 * {@code s < pool-size x n mod openParts}): the parts open then hold every connection the event was given
 * when those parts are among them, and never more (with a pool of 1 and four segments, three parts open
 * held 3 connections of 4; a pool of 4, 15 of 16).
 *
 * <p>{@code openParts} also counts the parts waiting on the queue (a continuation, a later pass), which errs
 * on the side of fewer connections. When SQS delivers a message twice it can reach 1 early (see
 * {@code EventSummaries}); a part may then hold more than its share, never more than the maximum.
 */
final class ConnectionShare {

    /** For an event that is not split: its one part has the pool to itself. */
    static final ConnectionShare NONE = new ConnectionShare(OptionalLong::empty, 0, Duration.ZERO, 0);

    private final Supplier<OptionalLong> openParts;
    private final int granted;
    private final int part;
    private final long everyNanos;
    private CompletableFuture<OptionalLong> reading;
    private long nextReadAt;

    /**
     * @param openParts reads the parts of the event still to run; empty when nothing says so yet
     * @param granted   the connections the whole event may hold: the pool size times its segments
     * @param every     how often to read; zero never reads
     * @param part      this part's segment number, from 0
     */
    ConnectionShare(Supplier<OptionalLong> openParts, int granted, Duration every, int part) {
        this.openParts = openParts;
        this.granted = granted;
        this.part = part;
        this.everyNanos = every.toNanos();
        this.nextReadAt = System.nanoTime();
    }

    /**
     * Called by the sending thread before each send: widens the pool when the last reading allows it, and
     * starts the next reading when one is due. Never waits for DynamoDB.
     */
    void widen(SmtpPool smtp) {
        if (everyNanos == 0) {
            return;
        }
        if (reading != null && reading.isDone()) {
            try {
                OptionalLong open = reading.join();
                if (open.isPresent()) {
                    smtp.widen(share(granted, open.getAsLong(), part));
                }
            } catch (RuntimeException notRead) {
                // The summary could not be read: the pool stays as it is, and the next reading may do better.
            }
            reading = null;
        }
        long now = System.nanoTime();
        if (reading == null && now - nextReadAt >= 0) {
            nextReadAt = now + everyNanos;
            reading = Background.supply(openParts);
        }
    }

    /**
     * Part {@code part}'s connections with {@code open} parts running (below 1 counts as 1): the even share
     * rounded down, and one more for each of the lowest-numbered parts while the rounding leaves any.
     */
    static int share(int granted, long open, int part) {
        long parts = Math.max(1, open);
        return (int) (granted / parts + (part < granted % parts ? 1 : 0));
    }
}
