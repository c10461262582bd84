package dev.listwire.common.function;

import dev.listwire.common.quota.Allowance;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Whether the account may send one more email now: keeps the list's pace, takes the send from the event's
 * {@link SendSlots}, waits for the next rate window when the invocation's time allows, and otherwise says
 * why sending must stop. The pace is kept before the send is taken, not after: a send taken and then held
 * back by the pacer could reach the provider in the next rate window, where it was not counted.
 */
final class SendGate {

    /** The longest delay SQS allows a message (DelaySeconds): a longer wait is deferred again. */
    private static final int MAX_DELAY_SECONDS = 900;

    /** Why no email may go now, and when one may. */
    record Closed(PauseReason reason, Instant resumesAt, int delaySeconds) {}

    private final SendSlots slots;
    private final TimeBudget budget;
    private final SendPacer pacer;

    SendGate(SendSlots slots, TimeBudget budget, SendPacer pacer) {
        this.slots = slots;
        this.budget = budget;
        this.pacer = pacer;
    }

    /** Empty when one send is taken; otherwise why sending must stop for now. */
    Optional<Closed> take() {
        pacer.await();
        while (true) {
            Allowance allowance = slots.take();
            if (allowance instanceof Allowance.Granted) {
                return Optional.empty();
            }
            if (allowance instanceof Allowance.RateLimited limited) {
                // To the window's start, not a whole second past it: a window's share is sent from its start.
                long waitMillis = slots.millisUntil(limited.resumesAt());
                if (budget.allows(waitMillis)) {
                    sleep(waitMillis);
                    continue;
                }
                return Optional.of(closed(PauseReason.RATE_LIMITED, limited.resumesAt()));
            }
            Allowance.QuotaSpent spent = (Allowance.QuotaSpent) allowance;
            return Optional.of(closed(PauseReason.QUOTA_SPENT, spent.resumesAt()));
        }
    }

    /** Where the send {@link #take()} last took is counted: what {@link #giveBackTaken} needs to give it back. */
    Instant countedAt() {
        return slots.countedAt();
    }

    /** Gives back sends taken whose emails were not made, each where it was counted (see {@link #countedAt()}). */
    void giveBackTaken(List<Instant> countedAt) {
        slots.giveBackTaken(countedAt);
    }

    /** Gives back the sends reserved and not used. */
    void giveBack() {
        slots.giveBack();
    }

    private Closed closed(PauseReason reason, Instant resumesAt) {
        return new Closed(reason, resumesAt, (int) Math.min(MAX_DELAY_SECONDS, slots.secondsUntil(resumesAt)));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the account's rate", e);
        }
    }
}
