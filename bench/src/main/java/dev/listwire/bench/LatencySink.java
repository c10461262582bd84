package dev.listwire.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A benchmark SMTP server that takes its time the way a provider does: it answers the end of each
 * message's DATA after {@code perMessageMs} and every other command after {@code perCommandMs}, accepts
 * and drops every email, and prints one line per accepted email ({@code accepted <epoch ms of its MAIL
 * FROM>}) so that the benchmark can count what arrived and when it was sent. Postfix's smtp-sink only
 * waits whole seconds and is not on every machine. Runs as its own process ({@link SinkProcess}), so that
 * none of its work is counted in a measured JVM.
 *
 * <p>Usage: {@code LatencySink <perMessageMs> <perCommandMs>}; prints {@code port <n>} once listening.
 */
public final class LatencySink {

    private final long perMessageMs;
    private final long perCommandMs;
    private final PrintStream events;

    private LatencySink(long perMessageMs, long perCommandMs, PrintStream events) {
        this.perMessageMs = perMessageMs;
        this.perCommandMs = perCommandMs;
        this.events = events;
    }

    public static void main(String[] args) throws IOException {
        PrintStream out = new PrintStream(
                new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.US_ASCII);
        LatencySink sink = new LatencySink(Long.parseLong(args[0]), Long.parseLong(args[1]), out);
        // Backlog 512: a pool of 16 on each of 4 segments connects at once.
        try (ServerSocket server = new ServerSocket(0, 512, InetAddress.getLoopbackAddress())) {
            out.println("port " + server.getLocalPort());
            while (true) {
                Socket socket = server.accept();
                Thread t = new Thread(() -> sink.serve(socket), "smtp-" + socket.getPort());
                t.setDaemon(true);
                t.start();
            }
        }
    }

    private void serve(Socket socket) {
        try (socket;
                InputStream in = new BufferedInputStream(socket.getInputStream());
                OutputStream out = new BufferedOutputStream(socket.getOutputStream())) {
            socket.setTcpNoDelay(true);
            reply(out, "220 latency-sink ESMTP", 0);
            long mailFrom = 0;
            String line;
            while ((line = readLine(in)) != null) {
                String verb = line.length() < 4
                        ? line.toUpperCase(Locale.ROOT)
                        : line.substring(0, 4).toUpperCase(Locale.ROOT);
                switch (verb) {
                    case "EHLO" -> reply(out, "250-latency-sink\r\n250-8BITMIME\r\n250 SMTPUTF8", perCommandMs);
                    case "HELO", "RCPT", "RSET", "NOOP" -> reply(out, "250 OK", perCommandMs);
                    case "MAIL" -> {
                        mailFrom = System.currentTimeMillis();
                        reply(out, "250 OK", perCommandMs);
                    }
                    case "DATA" -> {
                        reply(out, "354 End data with <CR><LF>.<CR><LF>", perCommandMs);
                        skipMessage(in);
                        reply(out, "250 OK queued", perMessageMs);
                        events.println("accepted " + mailFrom);
                    }
                    case "QUIT" -> {
                        reply(out, "221 Bye", 0);
                        return;
                    }
                    default -> reply(out, "502 Command not implemented", perCommandMs);
                }
            }
        } catch (IOException | InterruptedException closed) {
            // The client went away: nothing to count.
        }
    }

    private static void reply(OutputStream out, String text, long delayMs) throws IOException, InterruptedException {
        if (delayMs > 0) {
            Thread.sleep(delayMs);
        }
        out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** Reads the message up to its terminating "." line; its content is dropped. */
    private static void skipMessage(InputStream in) throws IOException {
        String line;
        while ((line = readLine(in)) != null) {
            if (line.equals(".")) {
                return;
            }
        }
        throw new IOException("connection closed inside DATA");
    }

    /** One line without its CR LF, or null at the end of the stream. */
    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
            }
            line.write(b);
        }
        return null;
    }
}
