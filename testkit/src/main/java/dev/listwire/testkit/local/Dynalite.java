package dev.listwire.testkit.local;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * dynalite (npm, a DynamoDB API server on Node.js) as a child process: on a free port and in memory for
 * the tests, on a fixed port with its tables on disk for the devstack. It is the real DynamoDB wire
 * protocol; DynamoDB Local is ruled out by its licence.
 */
public final class Dynalite implements AutoCloseable {

    private final Process process;
    private final int port;

    private Dynalite(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** In memory, on a free port: for tests. */
    public static Dynalite start() {
        return start(freePort(), Optional.empty(), ProcessBuilder.Redirect.DISCARD);
    }

    /** On {@code port}, keeping its tables under {@code dataDir} when given, its output sent to {@code log}. */
    public static Dynalite start(int port, Optional<Path> dataDir, ProcessBuilder.Redirect log) {
        Path cli = findCli();
        List<String> command = new ArrayList<>(List.of(
                "node",
                cli.toString(),
                "--host",
                "127.0.0.1",
                "--port",
                Integer.toString(port),
                "--createTableMs",
                "0",
                "--deleteTableMs",
                "0",
                "--updateTableMs",
                "0"));
        dataDir.ifPresent(dir -> command.addAll(List.of("--path", dir.toString())));
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException(
                    "Cannot run Node.js ('node'), which dynalite (the local DynamoDB) "
                            + "needs: install Node.js 18 or later",
                    e);
        }
        Dynalite dynalite = new Dynalite(process, port);
        dynalite.awaitListening(Duration.ofSeconds(30));
        return dynalite;
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitListening(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("dynalite exited with code " + process.exitValue());
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                sleep();
            }
        }
        process.destroy();
        throw new IllegalStateException("dynalite did not listen on port " + port + " within " + timeout);
    }

    /** node_modules/dynalite/cli.js in the repository root (run {@code npm ci} there). */
    public static Path findCli() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path cli = dir.resolve("node_modules/dynalite/cli.js");
            if (Files.isRegularFile(cli)) {
                return cli;
            }
        }
        throw new IllegalStateException("dynalite is not installed: run 'npm ci' in the repository root "
                + "(the README's test command does it for you)");
    }

    /**
     * A port free now, for a server a test starts a moment later. Taken below the range the kernel
     * draws outgoing connections' local ports from ({@link LocalPorts}), so that no client socket of
     * the tests can take it between this check and the server's bind, as one did once when the port
     * came from the kernel (port 0, inside that range). Each call in a JVM gives a different port.
     */
    public static int freePort() {
        return LocalPorts.free();
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
