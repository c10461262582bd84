package dev.listwire.devstack;

import dev.listwire.devstack.stack.Ports;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./listwire ARGS} in a JVM of its own, as the script runs it, with the environment given (and
 * {@code LISTWIRE_SMTP_PASSWORD} only if given): for what only a real process shows, the environment it reads
 * and the exit code. Its output, stdout and stderr together, is collected as it comes.
 */
final class ChildListwire implements AutoCloseable {

    record Exit(int code, String output) {}

    private final Process process;
    private final StringBuffer output = new StringBuffer();

    private ChildListwire(Process process) {
        this.process = process;
        Thread reader = new Thread(() -> collect(process.getInputStream()), "child-listwire-output");
        reader.setDaemon(true);
        reader.start();
    }

    static ChildListwire start(Ports ports, Map<String, String> environment, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElseThrow(),
                "-cp",
                System.getProperty("java.class.path"),
                "-Dlistwire.root=" + TestDevstack.ROOT,
                "-Dlistwire.ports=" + ports.asProperty(),
                Listwire.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("LISTWIRE_SMTP_PASSWORD"); // only what the test gives
        builder.environment().putAll(environment);
        return new ChildListwire(builder.start());
    }

    /** The output so far once it contains {@code text}; fails if the process ends or the time runs out first. */
    String awaitOutput(String text, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (!output.toString().contains(text)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("no '" + text + "' from ./listwire; it printed:\n" + output);
            }
            Thread.sleep(50);
        }
        return output.toString();
    }

    Exit awaitExit(Duration within) throws InterruptedException {
        if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("./listwire did not end; it printed:\n" + output);
        }
        Thread.sleep(100); // the last of the output
        return new Exit(process.exitValue(), output.toString());
    }

    /** Stops it as Ctrl-C does (its shutdown hook stops the devstack), then for good if it hangs. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private void collect(InputStream in) {
        char[] buffer = new char[8192];
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            for (int n; (n = reader.read(buffer)) != -1; ) {
                output.append(buffer, 0, n);
            }
        } catch (IOException ended) {
            // The process is gone.
        }
    }
}
