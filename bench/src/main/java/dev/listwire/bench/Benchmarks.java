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
 * Runs the benchmarks named in the arguments ({@code provider}, {@code cpu}, {@code fanout}, {@code memory},
 * {@code startup}, {@code feedback} (the feedback function's cost per run), {@code cost} (from the provider, cpu and memory figures of the same run), or {@code all})
 * and prints every figure beside its baseline and goal, as Markdown, to stdout and {@code target/benchmarks.md}.
 * Sizes: {@code -Dbench.members} (fan-out, 2000), {@code -Dbench.iterations} (3), {@code -Dbench.small} (10000),
 * {@code -Dbench.large} (100000), {@code -Dbench.budget-seconds} (20), {@code -Dbench.startup-rounds} (6).
 */
public final class Benchmarks {

    private Benchmarks() {}

    public static void main(String[] args) throws Exception {
        Set<String> which = Set.of(args.length == 0 ? new String[] {"all"} : args);
        boolean all = which.contains("all");
        List<String> out = new ArrayList<>();
        out.add("# listwire benchmarks, " + Instant.now());
        out.add("");
        out.add("Machine: " + Runtime.getRuntime().availableProcessors() + " cores, Java "
                + System.getProperty("java.version") + ", " + System.getProperty("os.name") + " "
                + System.getProperty("os.arch") + "; figures are medians (range, runs).");
        try {
            if (all || which.contains("provider")) {
                ProviderReport.run(out);
                report(out);
            }
            if (all || which.contains("cpu")) {
                CpuReport.run(out);
                report(out);
            }
            if (all || which.contains("fanout")) {
                fanOut(out);
                report(out);
            }
            if (all || which.contains("startup")) {
                startup(out);
                report(out);
            }
            if (all || which.contains("memory")) {
                memory(out);
                report(out);
            }
            if (all || which.contains("feedback")) {
                FeedbackCost.run(out);
                report(out);
            }
            if (all || which.contains("cost")) {
                CostReport.run(out, ProviderReport.ROWS, CpuReport.last, largeList);
                report(out);
            }
        } finally {
            System.out.flush();
        }
        System.exit(0);
    }

    /** A comma-separated list of whole numbers from a system property. */
    static List<Integer> ints(String property, String defaults) {
        return java.util.Arrays.stream(System.getProperty(property, defaults).split(","))
                .map(String::trim)
                .map(Integer::valueOf)
                .toList();
    }

    /** Writes what is measured so far, so that a long run's first figures are not lost with its last. */
    private static void report(List<String> out) throws java.io.IOException {
        String report = String.join("\n", out) + "\n";
        System.out.println("=== benchmarks so far ===");
        System.out.print(report);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "benchmarks.md"), report, StandardCharsets.UTF_8);
    }

    /**
     * The fan-out to sinks that answer at once: a figure without a goal (there sending is bound by the CPU
     * of a machine shared with dynalite and the sink, BENCHMARKS.md). GreenMail runs in the benchmark's
     * JVM and is emptied before each reading; the latency sink runs in its own process.
     */
    private static void fanOut(List<String> out) throws Exception {
        int members = Integer.getInteger("bench.members", 2000);
        int iterations = Integer.getInteger("bench.iterations", 3);
        int pool = Integer.getInteger("bench.pool", 4);
        var localStack = dev.listwire.testkit.LocalStack.shared();
        List<FanOutBench.Result> results = new ArrayList<>();
        results.add(FanOutBench.run(
                "GreenMail (in this JVM, emptied before each reading)",
                localStack.mail().smtpPort(),
                true,
                members,
                iterations,
                pool));
        try (SinkProcess sink = SinkProcess.start(0)) {
            results.add(FanOutBench.run(sink.name(), sink.port(), false, members, iterations, pool));
        }
        out.add("");
        out.add("## Fan-out to sinks that answer at once: " + members + " members, emails a second (no goal)");
        out.add("");
        out.add("| sink | variant | emails/s | x bare loop (same iteration) | x composing loop (same iteration) |");
        out.add("|---|---|---|---|---|");
        for (FanOutBench.Result r : results) {
            r.perSecond()
                    .forEach((variant, f) -> out.add(
                            "| " + r.sink() + " | " + variant + " | " + f.format(f.median() < 100 ? "%.2f" : "%.0f")
                                    + " | " + ratio(r.ratioToBare(), variant, FanOutBench.BARE)
                                    + " | " + ratio(r.ratioToComposing(), variant, FanOutBench.COMPOSING) + " |"));
        }
    }

    private static String ratio(Map<String, Figure> ratios, String variant, String baseline) {
        if (variant.equals(baseline)) {
            return "1 (baseline)";
        }
        return Optional.ofNullable(ratios.get(variant))
                .map(x -> x.format("%.2f"))
                .orElse("");
    }

    /** The large list's result, for the cost section (its DynamoDB write units per recipient). */
    static LargeListBench.Result largeList;

    private static void memory(List<String> out) throws Exception {
        int small = Integer.getInteger("bench.small", 10_000);
        int large = Integer.getInteger("bench.large", 100_000);
        Duration budget = Duration.ofSeconds(Integer.getInteger("bench.budget-seconds", 20));
        List<LargeListBench.Result> results = new ArrayList<>();
        String sinkName;
        // The sink in a process of its own, never in the JVM whose heap is measured; counting only, so that
        // not even the times of its emails are kept here.
        try (SinkProcess sink = SinkProcess.counting(0)) {
            sinkName = sink.name();
            for (int members : List.of(small, large)) {
                results.add(LargeListBench.run(members, budget, sink));
            }
        }
        out.add("");
        out.add("## Lists through continuations (" + budget.toSeconds() + " s per invocation, sink: " + sinkName + ")");
        out.add("");
        out.add("Goals: heap after the large list no more than 10% above the small one; at most 1.1"
                + " DynamoDB calls per recipient.");
        out.add("");
        out.add("| members | invocations | wall time | sent, per the ledger | DynamoDB calls per"
                + " recipient | write units per recipient | of which: first run (emails) | later runs (emails) |"
                + " heap after (MB, after GC) |");
        out.add("|---|---|---|---|---|---|---|---|---|");
        for (LargeListBench.Result r : results) {
            out.add(String.format(
                    Locale.ROOT,
                    "| %d | %d | %d s | %d | %.3f %s | %.3f | %s | %s | %.1f |",
                    r.members(),
                    r.invocations(),
                    r.wallTime().toSeconds(),
                    r.sentInLedger(),
                    r.dynamoDbCallsPerRecipient(),
                    r.dynamoDbCalls(),
                    r.writeUnitsPerRecipient(),
                    writeUnits(r.firstRun()),
                    writeUnits(r.laterRuns()),
                    r.heapMb()));
        }
        largeList = results.get(1);
        double growth = results.get(1).heapMb() / results.get(0).heapMb() - 1;
        double calls = results.get(1).dynamoDbCallsPerRecipient();
        out.add("");
        out.add(String.format(
                Locale.ROOT,
                "Heap growth from %d to %d members: %+.1f%% (goal 10%%: %s)."
                        + " DynamoDB calls per"
                        + " recipient: %.3f (goal 1.1: %s). The function runs in the benchmark's JVM here, beside ElasticMQ and"
                        + " GreenMail (which receives nothing in this run).",
                small,
                large,
                growth * 100,
                growth <= 0.10 ? "met" : "**not met**",
                calls,
                calls <= 1.1 ? "met" : "**not met**"));
    }

    private static void startup(List<String> out) throws Exception {
        int rounds = Integer.getInteger("bench.startup-rounds", 6);
        Map<String, List<Double>> millis = StartupBench.run(20, rounds);
        out.add("");
        out.add("## Start-up: JVM start to first batch done (20 members), ms");
        out.add("");
        out.add("Goal: no more than 1.5x the plain-Java handler.");
        out.add("");
        out.add("| variant | ms | x its plain handler (same round) | goal 1.5 |");
        out.add("|---|---|---|---|");
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
            boolean baseline = v.baseline().equals(v.name());
            String ratio = baseline ? "1 (baseline)" : Figure.of(ratios).format("%.2f") + " x " + v.baseline();
            String goal = baseline ? "" : Figure.of(ratios).median() <= 1.5 ? "met" : "not met";
            out.add("| " + v.name() + " | " + Figure.of(values).format("%.0f") + " | " + ratio + " | " + goal + " |");
        }
    }

    /** Write units a recipient and the emails they were counted over; a dash where no email was sent. */
    private static String writeUnits(LargeListBench.WriteUnits units) {
        return units.emails() == 0
                ? "– (0)"
                : String.format(Locale.ROOT, "%.3f (%d)", units.perRecipient(), units.emails());
    }
}
