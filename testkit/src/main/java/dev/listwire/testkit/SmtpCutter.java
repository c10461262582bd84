package dev.listwire.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP relay in front of GreenMail's SMTP port that can lose the connection the way a network does:
 * after a number of emails it closes both sockets when the client starts the next one ({@code MAIL FROM}).
 * The client sees a real broken connection; the server never receives that email.
 */
public final class SmtpCutter implements AutoCloseable {

    private final ServerSocket listener;
    private final int target;
    private final AtomicInteger emailsLeft = new AtomicInteger(Integer.MAX_VALUE);
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile boolean once;

    public SmtpCutter(int targetPort) throws IOException {
        this.target = targetPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "smtp-cutter");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** Lets {@code count} more emails through, then cuts the connection carrying the next one. */
    public void cutAfter(int count) {
        emailsLeft.set(count);
    }

    /** Lets {@code count} more emails through, cuts the connection carrying the next one, then heals. */
    public void cutOnceAfter(int count) {
        once = true;
        emailsLeft.set(count);
    }

    public void heal() {
        once = false;
        emailsLeft.set(Integer.MAX_VALUE);
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket s : open) {
            s.close();
        }
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), target);
                open.add(client);
                open.add(server);
                pump(server, client, false);
                pump(client, server, true);
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void pump(Socket from, Socket to, boolean clientToServer) {
        Thread t = new Thread(
                () -> {
                    try (InputStream in = from.getInputStream();
                            OutputStream out = to.getOutputStream()) {
                        StringBuilder line = new StringBuilder();
                        for (int b; (b = in.read()) != -1; ) {
                            if (clientToServer) {
                                line.append((char) b);
                                if (line.length() == 10
                                        && line.toString().equalsIgnoreCase("MAIL FROM:")
                                        && emailsLeft.getAndDecrement() <= 0) {
                                    if (once) {
                                        heal();
                                    }
                                    return;
                                }
                                if (b == '\n') {
                                    line.setLength(0);
                                }
                            }
                            out.write(b);
                            if (in.available() == 0) {
                                out.flush();
                            }
                        }
                    } catch (IOException gone) {
                        // One side closed; close the other.
                    } finally {
                        try {
                            from.close();
                            to.close();
                        } catch (IOException ignored) {
                            // Already closed.
                        }
                    }
                },
                "smtp-cutter-pump");
        t.setDaemon(true);
        t.start();
    }
}
