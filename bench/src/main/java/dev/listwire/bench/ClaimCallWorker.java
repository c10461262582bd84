package dev.listwire.bench;

import dev.listwire.common.ledger.Claim;
import dev.listwire.common.ledger.ClaimsInTurn;
import dev.listwire.common.ledger.DeliveryLedger;
import dev.listwire.common.ledger.EventLedger;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;

/**
 * The ledger's claim alone, in a JVM of its own with the function's flags: {@link EventLedger#claim}, the
 * conditional {@code UpdateItem} a list function makes for each recipient, on new keys, through the
 * function's own {@link DeliveryLedger} and DynamoDB client (its application context, built from the
 * environment as on Lambda). What is left of listwire's CPU per email once this floor is taken away is what
 * listwire itself adds.
 *
 * <p>Two ways to make the calls: {@code threads} loops at once, each making its own claims one after
 * another (no thread waits for another); or, with {@code ahead} above 0, as listwire's claims-ahead window
 * makes them: one thread keeps {@code ahead} claims on their way, started half of them at a time, each half
 * a {@link ClaimsInTurn} (one after another on one of listwire's background threads), and waits for each in
 * turn.
 *
 * <p>In the second way the calls can also be paced ({@code per second} above 0): the window then starts one
 * claim each {@code 1 / per second}, as a list function claims at the pace its SMTP connections send, and its
 * threads wait between claims as the function's do.
 *
 * <p>Usage: {@code ClaimCallWorker <threads> <calls per thread> <ahead> [<per second>]}. Prints {@code bench
 * claimed <calls> <cpu ns> <jit ms> <gc ms>} for the measured round, after three rounds as long that warm up
 * and are not counted.
 */
public final class ClaimCallWorker {

    private static final int WARM_UP_ROUNDS = 3;
    private static final Duration LEASE = Duration.ofMinutes(2);

    private ClaimCallWorker() {}

    public static void main(String[] args) throws Exception {
        try (ApplicationContext context = ApplicationContext.run()) {
            DeliveryLedger ledger = context.getBean(DeliveryLedger.class);
            int threads = Integer.parseInt(args[0]);
            int calls = Integer.parseInt(args[1]);
            int ahead = Integer.parseInt(args[2]);
            double perSecond = args.length > 3 ? Double.parseDouble(args[3]) : 0;
            for (int i = 0; i < WARM_UP_ROUNDS; i++) {
                round(ledger, threads, calls, ahead, perSecond);
            }
            JvmTimes before = JvmTimes.now();
            round(ledger, threads, calls, ahead, perSecond);
            JvmTimes used = JvmTimes.now().since(before);
            System.out.println("bench claimed " + (long) threads * calls + " " + used.fields());
        }
        System.exit(0);
    }

    private static void round(DeliveryLedger ledger, int threads, int calls, int ahead, double perSecond) {
        EventLedger event = ledger.open("claims", "round-" + System.nanoTime(), LEASE);
        if (ahead > 0) {
            // As ClaimsAhead does: refilled once half the window is used, half a window at a time, each half
            // made one claim after another by one background thread; the members' turns come in order.
            int batch = Math.max(1, ahead / 2);
            int total = threads * calls;
            Deque<CompletableFuture<Claim>> window = new ArrayDeque<>();
            int claimed = 0;
            long start = System.nanoTime();
            for (int turn = 0; turn < total; turn++) {
                if (window.isEmpty() || window.size() <= ahead - batch) {
                    while (window.size() < ahead && claimed < total) {
                        ClaimsInTurn claims = event.inTurn();
                        while (claims.size() < batch && window.size() < ahead && claimed < total) {
                            window.add(claims.add("member-" + claimed++ + "@example.com"));
                        }
                        claims.start();
                    }
                }
                if (perSecond > 0) {
                    long due = start + (long) (turn * 1e9 / perSecond);
                    for (long wait; (wait = due - System.nanoTime()) > 0; ) {
                        LockSupport.parkNanos(wait);
                    }
                }
                window.remove().join();
            }
            return;
        }
        List<CompletableFuture<Void>> loops = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            loops.add(CompletableFuture.runAsync(
                    () -> {
                        for (int i = 0; i < calls; i++) {
                            event.claim("member-" + thread + "-" + i + "@example.com");
                        }
                    },
                    runnable -> new Thread(runnable).start()));
        }
        loops.forEach(CompletableFuture::join);
    }
}
