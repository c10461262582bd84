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
 * (and to the day's quota), and the pass goes on with its edge block (below) or a block reserved in the
 * window of now.
 *
 * <p>The account (and the provider) count an email when it arrives, a little after it is taken here (it is
 * composed and handed to a connection first): a send taken in the last {@link #GUARD} of a window could
 * arrive in the next one, on top of that window's allowance. So such a send is counted in both windows: one
 * from the block of its own window and one from an <em>edge block</em>, reserved in the next window when the
 * guard begins, which becomes the pass's block once that window starts. Sending goes on across the change
 * (before, the pass stopped for the guard's 100 ms at every window change); when the next window is full,
 * the send waits for the window after it. What it costs: the few sends of each guard count twice, in the
 * rate windows and in the day's quota (at most the rate x {@link #GUARD} a window: 1% of a 10 s window).
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
    /** The edge block: reserved in the window after {@code current}'s for the sends of its guard; or null. */
    private Reservation edge;
    /** What is left of the edge block. */
    private int edgeHeld;
    /** Whether the send {@link #take()} last handed out was taken in a guard, and so counted twice. */
    private boolean lastCountedTwice;
    /** How many sends the next reservation asks for. */
    private int block;

    SendSlots(SendingAccount account) {
        this.account = account;
        this.block = Math.min(FIRST_BLOCK, account.blockSize());
    }

    /** One send, or why none may go now. */
    Allowance take() {
        while (held == 0 || windowOver(current)) {
            if (held > 0) {
                account.giveBack(held, current.at());
                held = 0;
            }
            Allowance refused = refill();
            if (refused != null) {
                return refused;
            }
        }
        lastCountedTwice = inGuard(current.until());
        if (lastCountedTwice) {
            Allowance refused = takeFromEdge();
            if (refused != null) {
                return refused;
            }
        }
        held--;
        if (held == refillAt && next == null) {
            int wanted = nextBlock();
            next = Background.supply(() -> reserve(wanted));
        }
        return ONE;
    }

    /**
     * Holds a block counted in the window of now: the edge block once its window has started, else the
     * prefetched block, else a new one. Null when it holds one; otherwise why none may be held.
     */
    private Allowance refill() {
        Reservation reservation;
        int count;
        if (edge != null && !account.now().isBefore(edge.at())) {
            reservation = edge;
            count = edgeHeld;
            edge = null;
            edgeHeld = 0;
        } else {
            reservation = next != null ? Background.await(next) : reserve();
            next = null;
            count = granted(reservation);
        }
        if (windowOver(reservation)) {
            // Counted in a window already over (the pass waited, or the prefetch ran late): it goes back.
            account.giveBack(count, reservation.at());
            reservation = reserve();
            count = granted(reservation);
        }
        if (!(reservation.allowance() instanceof Allowance.Granted)) {
            return reservation.allowance();
        }
        held = count;
        refillAt = held / 2;
        current = reservation;
        return null;
    }

    /**
     * Counts a send of the guard in the next window too, from the edge block (reserved there now if there is
     * none, or none left). Null when counted; otherwise why no send may go until the next window is over.
     */
    private Allowance takeFromEdge() {
        if (edge != null && !edge.at().equals(current.until())) {
            // Reserved at an earlier edge and not taken over (a block of its window was reserved instead).
            account.giveBack(edgeHeld, edge.at());
            edge = null;
            edgeHeld = 0;
        }
        if (edgeHeld == 0) {
            Reservation ahead = reserve(nextBlock(), current.until());
            if (!(ahead.allowance() instanceof Allowance.Granted granted)) {
                return ahead.allowance();
            }
            edge = ahead;
            edgeHeld = granted.count();
        }
        edgeHeld--;
        return null;
    }

    /** The instant the reservation of the send {@link #take()} last handed out was counted at. */
    Instant countedAt() {
        // A send counted in two windows is marked by the last nanosecond of the first one, an instant no
        // reservation is counted at (they are counted at now or at a window's start): see giveBackTaken.
        return lastCountedTwice ? current.until().minusNanos(1) : current.at();
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
                .forEach((at, n) -> {
                    account.giveBack(n.intValue(), at);
                    if (account.windowEnds(at).equals(at.plusNanos(1))) {
                        // Taken in the guard: it went out of the next window's count too.
                        account.giveBack(n.intValue(), at.plusNanos(1));
                    }
                });
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
        if (edgeHeld > 0) {
            account.giveBack(edgeHeld, edge.at());
            edgeHeld = 0;
        }
        edge = null;
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

    /** The reservation's window is over: what it granted may no longer be sent. */
    private boolean windowOver(Reservation reservation) {
        return !account.now().isBefore(reservation.until());
    }

    /** Whether now is in the last {@link #GUARD} of the window that ends at {@code windowEnd}. */
    private boolean inGuard(Instant windowEnd) {
        return !account.now().isBefore(windowEnd.minus(GUARD));
    }

    private static int granted(Reservation reservation) {
        return reservation.allowance() instanceof Allowance.Granted granted ? granted.count() : 0;
    }

    private Reservation reserve() {
        return reserve(nextBlock());
    }

    private Reservation reserve(int wanted) {
        return reserve(wanted, account.now());
    }

    /** Reserves {@code wanted} sends counted in the window of {@code at} (now, or the next window's start). */
    private Reservation reserve(int wanted, Instant at) {
        return new Reservation(account.reserve(wanted, at), at, account.windowEnds(at));
    }

    /** The size of the next block, the one after it twice as large, up to the account's block size. */
    private int nextBlock() {
        int wanted = block;
        block = (int) Math.min((long) block * 2, account.blockSize());
        return wanted;
    }
}
