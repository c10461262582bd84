package dev.listwire.common.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The SMTP write timeout, kept by the JVM's one timer ({@link WriteTimeouts}) instead of a thread per connection. */
class WriteTimeoutsTest {

    @Test
    void everySessionHandsAngusMailTheOneTimer() {
        Session first = session(1, 30_000);
        Session second = session(2, 30_000);

        assertSame(WriteTimeouts.timer(), first.getProperties().get(WriteTimeouts.PROPERTY));
        assertSame(WriteTimeouts.timer(), second.getProperties().get(WriteTimeouts.PROPERTY));
    }

    @Test
    void aServerThatStopsReadingMidMessageFailsTheSendWithinTheWriteTimeout() throws Exception {
        try (ServerThatStopsReading server = new ServerThatStopsReading()) {
            MimeMessage large = large(server.session(1_000));

            long start = System.nanoTime();
            MessagingException failed = assertTimeoutPreemptively(
                    Duration.ofSeconds(20), () -> assertThrows(MessagingException.class, () -> Transport.send(large)));
            long tookMs = (System.nanoTime() - start) / 1_000_000;

            assertEquals(1, server.reachedData(), "the server reached DATA and stopped reading");
            assertTrue(tookMs >= 900, "not before the write timeout: " + tookMs + " ms");
            assertTrue(SmtpFailures.timedOut(failed), chain(failed));
        }
        // Only the task that keeps ahead of every write's deadline is left: the cancelled ones went at once.
        assertEquals(
                1,
                ((ScheduledThreadPoolExecutor) WriteTimeouts.timer()).getQueue().size());
    }

    @Test
    void aWriteThatTimedOutIsNotWaitedForAgainOnANewConnection() throws Exception {
        try (ServerThatStopsReading server = new ServerThatStopsReading();
                SmtpConnection connection = new SmtpConnection(server.session(1_000))) {
            MimeMessage large = large(server.session(1_000));

            SendResult result = assertTimeoutPreemptively(
                    Duration.ofSeconds(20), () -> connection.deliver(large, new InternetAddress("ada@example.com")));

            SendResult.Refused refused = assertInstanceOf(SendResult.Refused.class, result);
            assertFalse(refused.reply().answered(), refused.reply().toString());
            // As with a read timeout: a second wait would only double the time lost (RELIABILITY.md row 69a).
            assertEquals(1, server.reachedData(), "one DATA, one wait");
            assertEquals(1, server.connections());
        }
    }

    private static MimeMessage large(Session session) throws MessagingException {
        MimeMessage large = new MimeMessage(session);
        large.setFrom(new InternetAddress("list@example.com"));
        large.setRecipient(Message.RecipientType.TO, new InternetAddress("ada@example.com"));
        large.setSubject("large");
        // Far more than the socket buffers on both sides hold: the write must block.
        large.setText(("x".repeat(76) + "\r\n").repeat(400_000), "US-ASCII");
        return large;
    }

    /**
     * An SMTP server that greets, answers every command up to DATA with 250, answers DATA with 354 and then
     * reads nothing more, on every connection, until the client closes it.
     */
    private static final class ServerThatStopsReading implements AutoCloseable {

        private final ServerSocket server;
        private final AtomicInteger connections = new AtomicInteger();
        private final AtomicInteger reachedData = new AtomicInteger();

        ServerThatStopsReading() throws IOException {
            server = new ServerSocket();
            // A small receive window, so that the client's writes block soon after the server stops reading.
            server.setReceiveBufferSize(4096);
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            Thread accepting = new Thread(this::accept, "server-that-stops-reading");
            accepting.setDaemon(true);
            accepting.start();
        }

        Session session(int writeTimeoutMs) {
            return WriteTimeoutsTest.session(server.getLocalPort(), writeTimeoutMs);
        }

        int connections() {
            return connections.get();
        }

        int reachedData() {
            return reachedData.get();
        }

        private void accept() {
            while (!server.isClosed()) {
                try {
                    Socket client = server.accept();
                    connections.incrementAndGet();
                    Thread talk = new Thread(() -> answerUntilData(client), "stops-reading-" + connections.get());
                    talk.setDaemon(true);
                    talk.start();
                } catch (IOException closed) {
                    return;
                }
            }
        }

        private void answerUntilData(Socket client) {
            try (client) {
                OutputStream out = client.getOutputStream();
                InputStream in = client.getInputStream();
                out.write("220 stops-reading ESMTP\r\n".getBytes(StandardCharsets.US_ASCII));
                for (String line; (line = readLine(in)) != null; ) {
                    if (line.toUpperCase(Locale.ROOT).startsWith("DATA")) {
                        out.write("354 go on\r\n".getBytes(StandardCharsets.US_ASCII));
                        reachedData.incrementAndGet();
                        // Nothing more is read: the client closes the socket when its write times out.
                        while (!server.isClosed()) {
                            Thread.sleep(50);
                        }
                        return;
                    }
                    out.write("250 ok\r\n".getBytes(StandardCharsets.US_ASCII));
                }
            } catch (IOException | InterruptedException ended) {
                // The client closed the connection.
            }
        }

        /** One command line, read a byte at a time so that nothing after it is taken from the socket. */
        private static String readLine(InputStream in) throws IOException {
            StringBuilder line = new StringBuilder();
            for (int c; (c = in.read()) != -1; ) {
                if (c == '\n') {
                    return line.toString().strip();
                }
                line.append((char) c);
            }
            return null;
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }

    private static String chain(Throwable failure) {
        StringBuilder chain = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            chain.append(t).append(" <- ");
        }
        return chain.toString();
    }

    private static Session session(int port, int writeTimeoutMs) {
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", Integer.toString(port));
        props.put("mail.smtp.writetimeout", Integer.toString(writeTimeoutMs));
        return new MailSessionProvider(() -> props, null).session();
    }
}
