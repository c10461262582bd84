package dev.listwire.bench;

import dev.listwire.feedback.MailboxFeedbackHandler;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The feedback function in a JVM of its own, on its {@code function.jar} and nothing else of listwire's: prints
 * when its handler is built (milliseconds since the JVM started), then runs the handler once per {@code run} line
 * read, and prints each run's time and how many messages it read. Driven by {@link FeedbackBench}.
 */
public final class FeedbackProbe {

    static final String PREFIX = "feedback-probe ";

    private FeedbackProbe() {}

    public static void main(String[] args) throws Exception {
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        try (MailboxFeedbackHandler handler = new MailboxFeedbackHandler()) {
            System.out.println(PREFIX + "constructed " + (System.currentTimeMillis() - jvmStart));
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line = in.readLine(); "run".equals(line); line = in.readLine()) {
                long start = System.nanoTime();
                Map<String, Object> run = handler.execute(Map.of());
                System.out.println(PREFIX + "ran " + (System.nanoTime() - start) / 1_000 + " " + run.get("read"));
            }
        }
    }
}
