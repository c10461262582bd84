package dev.listwire.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A {@link FunctionWorker} in its own JVM, started with a list's environment, driven line by line. */
final class FunctionProcess implements AutoCloseable {

    /** What one worker did in one drain: invocations, its JVM's CPU time, and when it was busy. */
    record Drained(long invocations, long firstStartMs, long lastEndMs, JvmTimes times, Map<String, Long> threadCpu) {

        long cpuNanos() {
            return times.cpuNanos();
        }
    }

    private static final String END = "end of output";

    private final Process process;
    private final Writer in;
    private final BlockingQueue<String> replies = new LinkedBlockingQueue<>();
    private final Deque<String> recent = new ArrayDeque<>();
    /** Emails sent per segment since the last drain began, from the function's event-finished log lines. */
    private final Map<String, Long> sentBySegment = new java.util.concurrent.ConcurrentHashMap<>();

    private static final Pattern SENT = Pattern.compile("\"sent\":(\\d+)");
    private static final Pattern SEGMENT = Pattern.compile("\"segment\":\"(\\d+)/");

    private FunctionProcess(Process process) {
        this.process = process;
        this.in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        // Read all the time, so that the function's own log lines never fill the pipe and stop it.
        Thread reader = new Thread(this::read, "function-output");
        reader.setDaemon(true);
        reader.start();
    }

    private void read() {
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith("bench ")) {
                    replies.add(line);
                } else if (line.contains("\"event-finished\"")) {
                    count(line);
                } else {
                    synchronized (recent) {
                        recent.addLast(line);
                        if (recent.size() > 40) {
                            recent.removeFirst();
                        }
                    }
                }
            }
        } catch (IOException ended) {
            // The worker is gone; awaitLine says so.
        }
        replies.add(END);
    }

    /** Starts the worker on function.jar and waits until its function is built. */
    static FunctionProcess start(Map<String, String> environment, String sqsEndpoint, String queueUrl)
            throws IOException {
        List<String> options = new ArrayList<>(Jvm.LAMBDA_LIKE);
        // A recording started in a running JVM otherwise redefines the JDK's I/O classes for its file and socket
        // events, invalidating compiled code that depends on them (the CPU profiles before 2026-12-03 14:00 show
        // the RedefineClasses and the compilations it cancelled). The measured events run before any recording.
        options.add("-XX:FlightRecorderOptions:retransform=false");
        ProcessBuilder builder = new ProcessBuilder(Jvm.onClassPath(
                        options, Jvm.functionClassPath(), FunctionWorker.class.getName(), sqsEndpoint, queueUrl))
                .redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(environment);
        FunctionProcess worker = new FunctionProcess(builder.start());
        worker.awaitLine("bench ready");
        return worker;
    }

    /** Tells the worker to invoke until the queue is empty; {@link #drained()} waits for it. */
    void drain() throws IOException {
        sentBySegment.clear();
        command("drain");
    }

    /** The log line's part of the event (its segment, or the whole list) and what it sent. */
    private void count(String line) {
        Matcher sent = SENT.matcher(line);
        Matcher segment = SEGMENT.matcher(line);
        boolean ofSegment = segment.find();
        if (sent.find() && (ofSegment || Long.parseLong(sent.group(1)) > 0)) { // the split's own line sends nothing
            sentBySegment.merge(ofSegment ? segment.group(1) : "whole list", Long.parseLong(sent.group(1)), Long::sum);
        }
    }

    /** Emails sent per segment by this worker in the last drain (its event-finished lines are read by then). */
    Map<String, Long> sentBySegment() {
        return Map.copyOf(sentBySegment);
    }

    /** Records the next drain with JDK Flight Recorder into {@code file}. */
    void profileNext(Path file) throws IOException {
        command("profile " + file.toAbsolutePath());
    }

    Drained drained() throws IOException {
        String[] f = awaitLine("bench drained").split(" ");
        return new Drained(
                Long.parseLong(f[2]),
                Long.parseLong(f[3]),
                Long.parseLong(f[4]),
                JvmTimes.parse(f, 5),
                ThreadCpu.parse(f[8]));
    }

    private void command(String line) throws IOException {
        in.write(line + "\n");
        in.flush();
    }

    /** The worker's next reply, which must start so. */
    private String awaitLine(String prefix) throws IOException {
        String line;
        try {
            line = replies.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted waiting for the function's JVM", e);
        }
        if (!line.startsWith(prefix)) {
            synchronized (recent) {
                throw new IOException("the function's JVM ended or answered \"" + line + "\" before \"" + prefix
                        + "\"; its last lines:\n" + String.join("\n", recent));
            }
        }
        return line;
    }

    @Override
    public void close() {
        try {
            command("quit");
            process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            // Ended already; destroyed below.
        }
        process.destroyForcibly();
    }

    /** Sums a drain over several workers: each worker's CPU, and the span from the first start to the last end. */
    static Drained total(List<Drained> parts) {
        long first = parts.stream()
                .filter(p -> p.firstStartMs() > 0)
                .mapToLong(Drained::firstStartMs)
                .min()
                .orElse(0);
        return new Drained(
                parts.stream().mapToLong(Drained::invocations).sum(),
                first,
                parts.stream().mapToLong(Drained::lastEndMs).max().orElse(0),
                parts.stream().map(Drained::times).reduce(new JvmTimes(0, 0, 0), JvmTimes::plus),
                parts.stream()
                        .flatMap(p -> p.threadCpu().entrySet().stream())
                        .collect(java.util.stream.Collectors.toMap(
                                Map.Entry::getKey, Map.Entry::getValue, Long::sum, java.util.TreeMap::new)));
    }
}
