package dev.listwire.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Runs the benchmarks named in the arguments ({@code fanout}, {@code memory}, {@code startup}, or {@code all})
 * and prints every figure beside its baseline and goal, as Markdown, to stdout and {@code target/benchmarks.md}.
 * Sizes: {@code -Dbench.members} (fan-out, 2000), {@code -Dbench.slow-sink-members} (fan-out to a sink that
 * waits a second per email, 8; 0 leaves it out), {@code -Dbench.iterations} (3), {@code -Dbench.small} (10000),
 * {@code -Dbench.large} (100000), {@code -Dbench.budget-seconds} (20), {@code -Dbench.startup-rounds} (6).
 */
public final class Benchmarks {

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        Set<String> which = Set.of(args.length == 0 ? new String[] {"all"} : args);
        boolean all = which.contains("all");
        List<String> out = new ArrayList<>();
        out.add("# listwire benchmarks, " + Instant.now());
        out.add("");
        out.add("Machine: " + Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version")
                + ", " + System.getProperty("os.name") + " " + System.getProperty("os.arch") + "; figures are medians (range, runs).");
        Optional<SmtpSink> sink = SmtpSink.start();
        try {
            if (all || which.contains("fanout")) {
                fanOut(out, sink);
                report(out);
            }
            if (all || which.contains("startup")) {
                startup(out);
                report(out);
            }
            if (all || which.contains("memory")) {
                memory(out, sink);
                report(out);
            }
        } finally {
            sink.ifPresent(SmtpSink::close);
        }
        System.exit(0);
    }

    /** Writes what is measured so far, so that a long run's first figures are not lost with its last. */
    private static void report(List<String> out) throws java.io.IOException {
        String report = String.join("\n", out) + "\n";
        System.out.println("=== benchmarks so far ===");
        System.out.print(report);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "benchmarks.md"), report, StandardCharsets.UTF_8);
    }

    private static void fanOut(List<String> out, Optional<SmtpSink> sink) throws Exception {
        int members = Integer.getInteger("bench.members", 2000);
        int iterations = Integer.getInteger("bench.iterations", 3);
        int pool = Integer.getInteger("bench.pool", 4);
        var localStack = dev.listwire.testkit.LocalStack.shared();
        List<FanOutBench.Result> results = new ArrayList<>();
        results.add(FanOutBench.run("GreenMail", localStack.mail().smtpPort(), true, members, iterations, pool));
        if (sink.isPresent()) {
            results.add(FanOutBench.run("smtp-sink", sink.get().port(), false, members, iterations, pool));
            int slowMembers = Integer.getInteger("bench.slow-sink-members", 8);
            if (slowMembers > 0) {
                results.add(slowSink(slowMembers, iterations, pool));
            }
        } else {
            out.add("");
            out.add("smtp-sink not installed (apt-get install postfix): that sink was skipped.");
        }
        out.add("");
        out.add("## Fan-out: " + members + " members, emails a second");
        out.add("");
        out.add("Goal: listwire on 1 connection at least 0.8x the bare loop; with the pool, above it.");
        out.add("");
        out.add("| sink | variant | emails/s | x bare loop (same iteration) | x composing loop (same iteration) |");
        out.add("|---|---|---|---|---|");
        for (FanOutBench.Result r : results) {
            r.perSecond().forEach((variant, f) -> out.add("| " + r.sink() + " | " + variant + " | " + f.format(f.median() < 100 ? "%.2f" : "%.0f")
                    + " | " + ratio(r.ratioToBare(), variant, FanOutBench.BARE)
                    + " | " + ratio(r.ratioToComposing(), variant, FanOutBench.COMPOSING) + " |"));
        }
    }

    /**
     * smtp-sink answering DATA after a second ({@code -w 1}), as a remote provider takes a while to accept
     * an email: sending waits for the server, not for the CPU, which is what the pool is for.
     */
    private static FanOutBench.Result slowSink(int members, int iterations, int pool) throws Exception {
        try (SmtpSink slow = SmtpSink.start("-w", "1").orElseThrow()) {
            // The JVM is warm from the sinks before; a warm-up round here would take a second per email.
            return FanOutBench.run("smtp-sink, 1 s per DATA", slow.port(), false, members, iterations, pool, false);
        }
    }

    private static String ratio(Map<String, Figure> ratios, String variant, String baseline) {
        if (variant.equals(baseline)) {
            return "1 (baseline)";
        }
        return Optional.ofNullable(ratios.get(variant)).map(x -> x.format("%.2f")).orElse("");
    }

    private static void memory(List<String> out, Optional<SmtpSink> sink) throws Exception {
        int small = Integer.getInteger("bench.small", 10_000);
        int large = Integer.getInteger("bench.large", 100_000);
        Duration budget = Duration.ofSeconds(Integer.getInteger("bench.budget-seconds", 20));
        var localStack = dev.listwire.testkit.LocalStack.shared();
        int port = sink.map(SmtpSink::port).orElse(localStack.mail().smtpPort());
        boolean greenMail = sink.isEmpty();
        List<LargeListBench.Result> results = new ArrayList<>();
        for (int members : List.of(small, large)) {
            results.add(LargeListBench.run(members, budget, port, greenMail));
        }
        out.add("");
        out.add("## Lists through continuations (" + budget.toSeconds() + " s per invocation, sink "
                + (greenMail ? "GreenMail" : "smtp-sink") + ")");
        out.add("");
        out.add("Goals: heap after the large list no more than 10% above the small one; at most 1.1 DynamoDB calls per recipient.");
        out.add("");
        out.add("| members | invocations | wall time | sent, per the ledger | DynamoDB calls per recipient | heap after (MB, after GC) |");
        out.add("|---|---|---|---|---|---|");
        for (LargeListBench.Result r : results) {
            out.add(String.format(Locale.ROOT, "| %d | %d | %d s | %d | %.3f %s | %.1f |", r.members(), r.invocations(),
                    r.wallTime().toSeconds(), r.sentInLedger(), r.dynamoDbCallsPerRecipient(), r.dynamoDbCalls(), r.heapMb()));
        }
        double growth = results.get(1).heapMb() / results.get(0).heapMb() - 1;
        out.add("");
        out.add(String.format(Locale.ROOT, "Heap growth from %d to %d members: %+.1f%%.", small, large, growth * 100));
    }

    private static void startup(List<String> out) throws Exception {
        int rounds = Integer.getInteger("bench.startup-rounds", 6);
        Map<String, List<Double>> millis = StartupBench.run(20, rounds);
        out.add("");
        out.add("## Start-up: JVM start to first batch done (20 members), ms");
        out.add("");
        out.add("Goal: no more than 1.5x the plain-Java handler.");
        out.add("");
        out.add("| variant | ms | x its plain handler (same round) |");
        out.add("|---|---|---|");
        for (StartupBench.Variant v : StartupBench.VARIANTS) {
            List<Double> values = millis.get(v.name());
            if (values == null) { // left out with -Dbench.startup-only
                continue;
            }
            List<Double> plain = millis.get(v.baseline());
            List<Double> ratios = new ArrayList<>();
            for (int i = 0; i < values.size(); i++) {
                ratios.add(values.get(i) / plain.get(i));
            }
            String ratio = v.baseline().equals(v.name()) ? "1 (baseline)" : Figure.of(ratios).format("%.2f") + " x " + v.baseline();
            out.add("| " + v.name() + " | " + Figure.of(values).format("%.0f") + " | " + ratio + " |");
        }
    }
}
