package dev.listwire.common.function;

import dev.listwire.common.sending.Allowance;
import dev.listwire.common.sending.SendingAccount;

import java.time.Instant;

/**
 * The sends one event's pass holds from the account's shared allowance, reserved a block at a time so
 * that counting costs one DynamoDB call per block, not per email. What is left at the end is given back.
 */
final class SendSlots {

    private static final Allowance ONE = new Allowance.Granted(1);

    private final SendingAccount account;
    private int held;
    private Instant reservedAt;

    SendSlots(SendingAccount account) {
        this.account = account;
    }

    /** One send, or why none may go now. */
    Allowance take() {
        if (held == 0) {
            Allowance allowance = account.reserve(Integer.MAX_VALUE);
            if (!(allowance instanceof Allowance.Granted granted)) {
                return allowance;
            }
            held = granted.count();
            reservedAt = account.now();
        }
        held--;
        return ONE;
    }

    /** Seconds from now until {@code when}, rounded up. */
    long secondsUntil(Instant when) {
        long millis = when.toEpochMilli() - account.now().toEpochMilli();
        return Math.max(0, (millis + 999) / 1000);
    }

    void giveBack() {
        if (held > 0) {
            account.giveBack(held, reservedAt);
            held = 0;
        }
    }
}
