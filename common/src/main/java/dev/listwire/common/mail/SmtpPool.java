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
 * (once per email) when it drops. A pool of one sends on the caller's thread.
 */
public final class SmtpPool implements AutoCloseable {

    private final List<SmtpConnection> all = new ArrayList<>();
    private final BlockingQueue<SmtpConnection> idle;
    private final ExecutorService senders;

    public SmtpPool(Session session, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("listwire.smtp.pool-size must be at least 1");
        }
        this.idle = new ArrayBlockingQueue<>(size);
        for (int i = 0; i < size; i++) {
            SmtpConnection connection = new SmtpConnection(session);
            all.add(connection);
            idle.add(connection);
        }
        this.senders = size == 1 ? null : Background.fixed(size, "listwire-smtp");
    }

    public int size() {
        return all.size();
    }

    /**
     * Sends on the next free connection. The future holds the result, a refusal included (see
     * {@link SmtpConnection#deliver}); it fails only on an error that is not SMTP's.
     */
    public CompletableFuture<SendResult> send(MimeMessage message, InternetAddress recipient) {
        if (senders == null) {
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

    /** Starts logging in every connection not yet open, in the background (see {@link SmtpConnection#openAhead()}). */
    public void openAhead() {
        all.forEach(SmtpConnection::openAhead);
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
