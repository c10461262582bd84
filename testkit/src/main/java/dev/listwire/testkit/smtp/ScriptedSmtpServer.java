package dev.listwire.testkit.smtp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real SMTP server on a free port of 127.0.0.1, a thread per connection, whose reply at each {@link Phase} is
 * programmed by the test through {@link #script()} and can change while clients are connected. It accepts
 * everything until told otherwise. Advertised: {@code 8BITMIME}, {@code ENHANCEDSTATUSCODES},
 * {@code AUTH PLAIN LOGIN} (any credentials); not advertised: {@code PIPELINING} and {@code STARTTLS} (no TLS).
 * Gmail's and SES's refusals cannot be had here, so this stands in for them over a real socket.
 */
public final class ScriptedSmtpServer implements AutoCloseable {

    private static final Duration THREAD_END = Duration.ofSeconds(2);

    private final ServerSocket listener;
    private final Journal journal = new Journal();
    private final Script script = new Script(journal::acceptedCount);
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();

    private ScriptedSmtpServer(ServerSocket listener) {
        this.listener = listener;
        Thread acceptor = new Thread(this::acceptAll, "scripted-smtp-accept-" + listener.getLocalPort());
        acceptor.setDaemon(true);
        threads.add(acceptor);
        acceptor.start();
    }

    public static ScriptedSmtpServer start() {
        try {
            return new ScriptedSmtpServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on a local port", e);
        }
    }

    public String host() {
        return listener.getInetAddress().getHostAddress();
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** The rules; add to them or {@link Script#clear()} them at any time. */
    public Script script() {
        return script;
    }

    /** Every message answered 2xx at the end of data (or accepted then dropped), in order. */
    public List<Received> accepted() {
        return journal.accepted();
    }

    /** The accepted messages one of whose recipients is {@code address} (ignoring case). */
    public List<Received> accepted(String address) {
        return journal.accepted().stream().filter(m -> m.isFor(address)).toList();
    }

    /** Waits until at least {@code count} messages have been accepted; false if the time ran out first. */
    public boolean awaitAccepted(int count, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (journal.acceptedCount() < count) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }

    /** Every command of every connection, in the order they arrived, with the reply given. */
    public List<Command> commands() {
        return journal.commands();
    }

    public List<Command> commands(Phase phase) {
        return journal.commands().stream().filter(c -> c.phase() == phase).toList();
    }

    /** How many connections were accepted so far. */
    public int connections() {
        return connections.get();
    }

    /** Stops listening and ends every connection, hung ones included, and their threads. */
    @Override
    public void close() {
        closeQuietly(listener);
        sockets.forEach(ScriptedSmtpServer::closeQuietly); // ends hung conversations: their read fails
        try {
            for (Thread thread : threads) {
                thread.join(THREAD_END.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(AutoCloseable socket) {
        try {
            socket.close();
        } catch (Exception alreadyGone) {
            // Nothing left to end.
        }
    }

    private void acceptAll() {
        while (!listener.isClosed()) {
            try {
                Socket socket = listener.accept();
                sockets.add(socket);
                if (listener.isClosed()) { // accepted while close() ran: close() may have missed it
                    closeQuietly(socket);
                    return;
                }
                int number = connections.incrementAndGet();
                Thread thread = new Thread(new SmtpSession(socket, number, script, journal), "scripted-smtp-" + number);
                thread.setDaemon(true);
                threads.add(thread);
                thread.start();
            } catch (SocketException closed) {
                return; // close() closed the listener
            } catch (IOException e) {
                // One connection failed before its conversation started; keep listening.
            }
        }
    }
}
