package dev.listwire.common.mail;

import dev.listwire.common.threads.Background;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * A few authenticated SMTP connections ({@code listwire.smtp.pool-size}) that one batch sends over at once:
 * an SMTP round trip is mostly waiting for the server, so two or three connections send two or three
 * times as fast where the provider allows it. Each connection is used by one send at a time and reopened
 * (once per email) when it drops. While one connection is in use, it sends on the caller's thread.
 *
 * <p>The pool can be {@linkplain #widen widened} up to {@code most} connections while one event's part
 * runs, to take over connections that its event's ended parts no longer use ({@code ConnectionShare}),
 * and {@linkplain #narrow narrowed} back for the next event. Only the caller's thread widens, narrows and
 * reads {@link #size()}.
 */
public final class SmtpPool implements AutoCloseable {

    private final List<SmtpConnection> all = new ArrayList<>();
    private final BlockingQueue<SmtpConnection> idle;
    private final ExecutorService senders;
    private final int base;
    /** Connections handed to the senders so far: they stay in the idle queue once there. */
    private int added;
    /** How many sends may be on their way at once. */
    private int size;

    public SmtpPool(Session session, int size) {
        this(session, size, size);
    }

    /**
     * @param size the connections in use at first, and after {@link #narrow()}
     * @param most the most that {@link #widen} may bring it to
     */
    public SmtpPool(Session session, int size, int most) {
        if (size < 1) {
            throw new IllegalArgumentException("listwire.smtp.pool-size must be at least 1");
        }
        int cap = Math.max(size, most);
        this.idle = new ArrayBlockingQueue<>(cap);
        for (int i = 0; i < cap; i++) {
            all.add(new SmtpConnection(session));
        }
        for (int i = 0; i < size; i++) {
            idle.add(all.get(i));
        }
        this.base = size;
        this.added = size;
        this.size = size;
        this.senders = cap == 1 ? null : Background.fixed(cap, "listwire-smtp");
    }

    /** How many sends may be on their way at once now. */
    public int size() {
        return size;
    }

    /**
     * Lets up to {@code connections} sends be on their way at once (no more than the pool's most, never
     * fewer than now), logging in the connections not yet open in the background.
     */
    public void widen(int connections) {
        int target = Math.min(connections, all.size());
        while (added < target) {
            SmtpConnection connection = all.get(added++);
            connection.openAhead();
            idle.add(connection);
        }
        size = Math.max(size, target);
    }

    /** Back to {@code listwire.smtp.pool-size} sends at once, for the batch's next event; connections stay open. */
    public void narrow() {
        size = base;
    }

    /**
     * Sends on the next free connection. The future holds the result, a refusal included (see
     * {@link SmtpConnection#deliver}); it fails only on an error that is not SMTP's.
     */
    public CompletableFuture<SendResult> send(MimeMessage message, InternetAddress recipient) {
        if (senders == null || size == 1) {
            // One at a time (the caller settles each send before the next): no connection is in a sender's hands.
            return CompletableFuture.completedFuture(all.get(0).deliver(message, recipient));
        }
        return CompletableFuture.supplyAsync(
                () -> {
                    SmtpConnection connection = idle.remove();
                    try {
                        return connection.deliver(message, recipient);
                    } finally {
                        idle.add(connection);
                    }
                },
                senders);
    }

    /**
     * Starts logging in every connection in use not yet open, in the background (see
     * {@link SmtpConnection#openAhead()}).
     */
    public void openAhead() {
        all.subList(0, size).forEach(SmtpConnection::openAhead);
    }

    /** Connections opened so far, reopenings included. */
    public int connectionsOpened() {
        return all.stream().mapToInt(SmtpConnection::connectionsOpened).sum();
    }

    @Override
    public void close() {
        if (senders != null) {
            senders.shutdown();
        }
        all.forEach(SmtpConnection::close);
    }
}
