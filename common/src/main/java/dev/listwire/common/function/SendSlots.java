package dev.listwire.common.function;

import dev.listwire.common.quota.Allowance;
import dev.listwire.common.quota.SendingAccount;
import dev.listwire.common.threads.Background;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * The sends one event's pass holds from the account's shared allowance, reserved a block at a time so
 * that counting costs one DynamoDB call per block, not per email. The next block is asked for when half
 * of the current one is used, so that sending does not stop for the call; what is left at the end, of
 * both, is given back.
 *
 * <p>A pass's first block is small ({@link #FIRST_BLOCK}, so that a short pass holds back little of a window
 * that other invocations share) and each next one twice as large, up to the account's block size: a long
 * pass then counts its sends with a handful of calls (each DynamoDB call costs the function CPU time; 1,000
 * emails take 25 + 50 + 100 + 200 + ... , eight calls with blocks of up to 200, instead of forty of 25).
 *
 * <p>A block is spent only in the rate window it was reserved (counted) in: the account allows so many
 * sends per window ({@link SendingAccount#windowEnds}), and a block carried into the next window would be
 * sent on top of that window's full allowance, which other invocations may be reserving at the same time.
 * At a window change what is left of a held or prefetched block goes back to the window it was counted in
 * (and to the day's quota), and a new block is reserved in the window of now.
 *
 * <p>The account (and the provider) count an email when it arrives, a little after it is taken here (it is
 * composed and handed to a connection first): so no send is taken in the last {@link #GUARD} of a window,
 * where it could arrive in the next one, on top of that window's allowance.
 */
final class SendSlots {

    private static final Allowance ONE = new Allowance.Granted(1);
    /** Far more than composing and handing over one email takes; a small share of any window. */
    static final Duration GUARD = Duration.ofMillis(100);
    /** The first block of a pass, or the account's block size when that is smaller. */
    static final int FIRST_BLOCK = 25;

    /** An answer from the account, the instant it was counted at, and when its rate window ends. */
    private record Reservation(Allowance allowance, Instant at, Instant until) {}

    private final SendingAccount account;
    private int held;
    private int refillAt;
    private Reservation current;
    private CompletableFuture<Reservation> next;
    /** How many sends the next reservation asks for. */
    private int block;

    SendSlots(SendingAccount account) {
        this.account = account;
        this.block = Math.min(FIRST_BLOCK, account.blockSize());
    }

    /** One send, or why none may go now. */
    Allowance take() {
        if (held > 0 && windowPassed(current)) {
            account.giveBack(held, current.at());
            held = 0;
        }
        if (held == 0) {
            Reservation reservation = next != null ? Background.await(next) : reserve();
            next = null;
            if (windowPassed(reservation)) {
                giveBack(reservation);
                Instant until = account.windowEnds(account.now());
                if (inGuard(until)) {
                    // Too late to send in this window: wait for the next one and reserve there.
                    return new Allowance.RateLimited(until);
                }
                reservation = reserve();
            }
            if (!(reservation.allowance() instanceof Allowance.Granted granted)) {
                return reservation.allowance();
            }
            held = granted.count();
            refillAt = held / 2;
            current = reservation;
        }
        held--;
        if (held == refillAt && next == null) {
            int wanted = nextBlock();
            next = Background.supply(() -> reserve(wanted));
        }
        return ONE;
    }

    /** The instant the reservation of the send {@link #take()} last handed out was counted at. */
    Instant countedAt() {
        return current.at();
    }

    /**
     * Gives back sends handed out by {@link #take()} whose emails were not made (the server refused the
     * account), each to the hour and rate window it was counted in.
     *
     * @param countedAt each such send's {@link #countedAt()}
     */
    void giveBackTaken(List<Instant> countedAt) {
        countedAt.stream()
                .collect(Collectors.groupingBy(at -> at, TreeMap::new, Collectors.counting()))
                .forEach((at, n) -> account.giveBack(n.intValue(), at));
    }

    /** Milliseconds from now until {@code when}. */
    long millisUntil(Instant when) {
        return Math.max(0, when.toEpochMilli() - account.now().toEpochMilli());
    }

    /** Seconds from now until {@code when}, rounded up. */
    long secondsUntil(Instant when) {
        long millis = when.toEpochMilli() - account.now().toEpochMilli();
        return Math.max(0, (millis + 999) / 1000);
    }

    void giveBack() {
        if (held > 0) {
            account.giveBack(held, current.at());
            held = 0;
        }
        if (next != null) {
            Reservation unused;
            try {
                unused = Background.await(next);
            } catch (RuntimeException failed) {
                // Nothing was reserved.
                return;
            } finally {
                next = null;
            }
            giveBack(unused);
        }
    }

    private void giveBack(Reservation unused) {
        if (unused.allowance() instanceof Allowance.Granted granted) {
            account.giveBack(granted.count(), unused.at());
        }
    }

    /** The reservation's window is over, or in its guard: what it granted may no longer be sent. */
    private boolean windowPassed(Reservation reservation) {
        return inGuard(reservation.until());
    }

    private boolean inGuard(Instant windowEnd) {
        return !account.now().isBefore(windowEnd.minus(GUARD));
    }

    private Reservation reserve() {
        return reserve(nextBlock());
    }

    private Reservation reserve(int wanted) {
        Instant at = account.now();
        return new Reservation(account.reserve(wanted, at), at, account.windowEnds(at));
    }

    /** The size of the next block, the one after it twice as large, up to the account's block size. */
    private int nextBlock() {
        int wanted = block;
        block = (int) Math.min((long) block * 2, account.blockSize());
        return wanted;
    }
}
