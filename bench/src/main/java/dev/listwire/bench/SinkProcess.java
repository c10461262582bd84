package dev.listwire.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link LatencySink} in a process of its own, and what it accepted: the epoch millisecond at which each
 * email's MAIL FROM arrived, in the order the sink accepted them.
 */
final class SinkProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final long perMessageMs;
    private final List<Long> accepted = new ArrayList<>();
    /** Whether the MAIL FROM times are kept (they grow with the emails: not beside a heap being measured). */
    private final boolean keepTimes;

    private int count;

    private SinkProcess(Process process, int port, long perMessageMs, boolean keepTimes) {
        this.process = process;
        this.port = port;
        this.perMessageMs = perMessageMs;
        this.keepTimes = keepTimes;
    }

    /** A sink that answers the end of each email's DATA after {@code perMessageMs}, everything else at once. */
    static SinkProcess start(long perMessageMs) throws IOException {
        return start(perMessageMs, true);
    }

    /** The same sink counting emails only, for a JVM whose heap is measured. */
    static SinkProcess counting(long perMessageMs) throws IOException {
        return start(perMessageMs, false);
    }

    private static SinkProcess start(long perMessageMs, boolean keepTimes) throws IOException {
        Process process = new ProcessBuilder(
                        Jvm.command(List.of("-Xmx256m"), LatencySink.class.getName(), Long.toString(perMessageMs), "0"))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        BufferedReader lines =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII));
        String first = lines.readLine();
        if (first == null || !first.startsWith("port ")) {
            process.destroy();
            throw new IOException("the latency sink did not start: " + first);
        }
        SinkProcess sink = new SinkProcess(process, Integer.parseInt(first.substring(5)), perMessageMs, keepTimes);
        Thread reader = new Thread(() -> sink.read(lines), "sink-" + sink.port);
        reader.setDaemon(true);
        reader.start();
        return sink;
    }

    private void read(BufferedReader lines) {
        try {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith("accepted ")) {
                    long at = Long.parseLong(line.substring(9));
                    synchronized (accepted) {
                        count++;
                        if (keepTimes) {
                            accepted.add(at);
                        }
                    }
                }
            }
        } catch (IOException ended) {
            // The sink was stopped.
        }
    }

    int port() {
        return port;
    }

    long perMessageMs() {
        return perMessageMs;
    }

    String name() {
        return perMessageMs == 0
                ? "latency sink, instant (own process)"
                : "latency sink, " + perMessageMs + " ms a message";
    }

    /** How many emails the sink has accepted so far. */
    int count() {
        synchronized (accepted) {
            return count;
        }
    }

    /** MAIL FROM times of the emails accepted from index {@code from} on. */
    List<Long> acceptedSince(int from) {
        synchronized (accepted) {
            return new ArrayList<>(accepted.subList(from, accepted.size()));
        }
    }

    /**
     * How many emails the sink has accepted, once its output has caught up: the count, when it has not
     * changed for 200 ms (call it when no email is being sent).
     */
    int settledCount() {
        int seen = count();
        while (true) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the sink's count settled", e);
            }
            int now = count();
            if (now == seen) {
                return now;
            }
            seen = now;
        }
    }

    /** Waits until the sink has printed {@code expected} acceptances (its output lags its replies a little). */
    void awaitCount(int expected, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (count() < expected && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
    }

    @Override
    public void close() {
        process.destroy();
    }
}
