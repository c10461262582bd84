package dev.listwire.bench;

import dev.listwire.common.ledger.Claim;
import dev.listwire.common.ledger.DeliveryLedger;
import dev.listwire.common.ledger.EventLedger;
import io.micronaut.context.ApplicationContext;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The composing loop ({@link BareLoop#compose}) in a JVM of its own, so that its CPU time per email can be
 * set beside the function's: {@code connections} loops at once, each on its own connection, as the
 * function's pool sends. Prints {@code bench composed <emails> <process cpu ns> <jit ms> <gc ms>} for the measured round
 * (three rounds before it, as long, warm the JIT and are not counted).
 *
 * <p>With {@code ledger}, the loop also keeps DESIGN.md's per-recipient ledger, the least a sender that
 * sends each recipient an event once must do: before each email, on the sending thread, the ledger's
 * conditional claim ({@link EventLedger#claim}); after it, the {@code sent} mark (written in batches); the
 * marks flushed at the end of the round. It uses the function's own ledger code and DynamoDB client (its
 * application context, built from the environment as on Lambda), so what listwire spends above this loop is
 * what listwire adds to a sender that keeps the ledger.
 *
 * <p>Usage: {@code ComposingWorker <email file> <port> <connections> <emails per connection> [ledger]}.
 */
public final class ComposingWorker {

    private static final Duration LEASE = Duration.ofMinutes(2);
    /**
     * Rounds as long as the measured one that warm up and are not counted: as many as the claim's own worker
     * runs, since with one the loop that keeps the ledger was still compiling the SDK's code when measured.
     */
    static final int WARM_UP_ROUNDS = 3;

    private ComposingWorker() {}

    public static void main(String[] args) throws Exception {
        MimeMessage template;
        try (InputStream in = Files.newInputStream(Path.of(args[0]))) {
            template = new MimeMessage(Session.getInstance(new Properties()), in);
        }
        int port = Integer.parseInt(args[1]);
        int connections = Integer.parseInt(args[2]);
        int perConnection = Integer.parseInt(args[3]);
        boolean keepLedger = args.length > 4 && args[4].equals("ledger");
        try (ApplicationContext context = keepLedger ? ApplicationContext.run() : null) {
            DeliveryLedger ledger = keepLedger ? context.getBean(DeliveryLedger.class) : null;
            for (int i = 0; i < WARM_UP_ROUNDS; i++) {
                round(template, port, connections, perConnection, event(ledger));
            }
            EventLedger measured = event(ledger);
            JvmTimes before = JvmTimes.now();
            round(template, port, connections, perConnection, measured);
            JvmTimes used = JvmTimes.now().since(before);
            System.out.println("bench composed " + (long) connections * perConnection + " " + used.fields());
        }
        System.exit(0);
    }

    /** A new event of the ledger for each round, so that every claim is on a new recipient; none without it. */
    private static EventLedger event(DeliveryLedger ledger) {
        return ledger == null ? null : ledger.open("composing", "round-" + System.nanoTime(), LEASE);
    }

    /**
     * One round: {@code connections} loops at once, each sending {@code perConnection} emails.
     *
     * @param event null: the plain loop; else the event whose ledger the loops keep (its marks flushed at the end)
     * @throws IllegalStateException if a claim was not granted: every recipient of a round is new to its event
     */
    static void round(MimeMessage template, int port, int connections, int perConnection, EventLedger event) {
        AtomicInteger refused = new AtomicInteger();
        List<CompletableFuture<Double>> loops = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            BareLoop.Recipients each = event == null ? BareLoop.Recipients.NONE : keeping(event, i, refused);
            loops.add(CompletableFuture.supplyAsync(
                    () -> {
                        try {
                            return BareLoop.compose(template, "127.0.0.1", port, null, null, perConnection, each);
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    },
                    runnable -> new Thread(runnable).start()));
        }
        loops.forEach(CompletableFuture::join);
        if (event != null) {
            event.flush();
            if (refused.get() > 0) {
                throw new IllegalStateException(refused.get() + " claims on new recipients were not granted");
            }
        }
    }

    /** The ledger around each email of loop {@code loop}: its own recipients, so that no two loops claim one. */
    private static BareLoop.Recipients keeping(EventLedger event, int loop, AtomicInteger refused) {
        return new BareLoop.Recipients() {
            @Override
            public String address(int i) {
                return "composed" + loop + "-" + i + "@members.listwire.test";
            }

            @Override
            public boolean before(String address) {
                if (event.claim(address) == Claim.CLAIMED) {
                    return true;
                }
                refused.incrementAndGet();
                return false;
            }

            @Override
            public void sent(String address) {
                // The ledger's marks are recorded from one thread at a time, as listwire's main thread does.
                synchronized (event) {
                    event.sent(address);
                }
            }
        };
    }
}
