package dev.listwire.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Postfix's {@code smtp-sink} (Debian package {@code postfix}): a real SMTP server that accepts and drops
 * every email, so the sender is what is measured. Run on a free port, stopped with {@link #close()}.
 */
final class SmtpSink implements AutoCloseable {

    static final Path BINARY = Path.of("/usr/sbin/smtp-sink");

    private final Process process;
    private final int port;

    private SmtpSink(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * The sink, or empty when smtp-sink is not installed ({@code apt-get install postfix}).
     *
     * @param options more of smtp-sink's options, e.g. {@code -w 1}: answer DATA after a second
     */
    static Optional<SmtpSink> start(String... options) throws IOException, InterruptedException {
        if (!Files.isExecutable(BINARY)) {
            return Optional.empty();
        }
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        // -u: the user to run as once the port is open (smtp-sink refuses to keep root); 512: listen backlog.
        List<String> command = new ArrayList<>(List.of(BINARY.toString(), "-u", "nobody"));
        command.addAll(List.of(options));
        command.addAll(List.of("127.0.0.1:" + port, "512"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        for (int i = 0; i < 100; i++) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return Optional.of(new SmtpSink(process, port));
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        process.destroy();
        throw new IOException("smtp-sink did not open port " + port);
    }

    int port() {
        return port;
    }

    @Override
    public void close() {
        process.destroy();
    }
}
