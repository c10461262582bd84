package dev.listwire.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * CPU per email against the composing loop, and the profile's split, as Markdown. Sizes:
 * {@code -Dbench.cpu-latency} (100 ms a message), {@code -Dbench.cpu-members} (1000), {@code -Dbench.cpu-pool}
 * (16), {@code -Dbench.cpu-rounds} (3).
 */
final class CpuReport {

    /** The last result, for the cost section. */
    static CpuBench.Result last;

    private CpuReport() {}

    static void run(List<String> out) throws Exception {
        int latency = Integer.getInteger("bench.cpu-latency", 100);
        int members = Integer.getInteger("bench.cpu-members", 1000);
        int pool = Integer.getInteger("bench.cpu-pool", 16);
        int rounds = Integer.getInteger("bench.cpu-rounds", 3);
        CpuBench.Result r = CpuBench.run(FanOutBench.template(), latency, members, pool, rounds);
        last = r;
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < Math.min(r.listwireMs().size(), r.composingMs().size()); i++) {
            ratios.add(r.listwireMs().get(i) / r.composingMs().get(i));
        }
        Figure ratio = Figure.of(ratios);
        out.add("");
        out.add("## CPU per email (sink: `LatencySink`, " + latency + " ms a message, its own process; " + members
                + " members, " + pool + " connections)");
        out.add("");
        out.add("Process CPU time (all threads: JIT and GC included) per email sent, each JVM its own process with"
                + " `" + String.join(" ", Jvm.LAMBDA_LIKE) + "`, measured after a warm-up round. Goal:"
                + " listwire at most 2x the composing loop.");
        out.add("");
        out.add("| JVM | CPU ms per email | x composing loop (run by run) | goal |");
        out.add("|---|---|---|---|");
        out.add("| composing loop (Jakarta Mail, " + pool + " connections, stream provider named as listwire does) | "
                + Figure.of(r.composingMs()).format("%.3f") + " | 1 (baseline) | |");
        out.add("| listwire (function.jar, one invocation, pool of " + pool + ") | "
                + Figure.of(r.listwireMs()).format("%.3f") + " | **" + ratio.format("%.2f") + "** | 2: "
                + (ratio.median() <= 2 ? "met" : "**not met**") + " |");
        ProfileSplit.Split split = r.profile();
        long total = Math.max(1, split.total());
        double cpuMs = Figure.of(r.listwireMs()).median();
        out.add("");
        out.add("Where listwire's CPU goes: JDK Flight Recorder (`profile` settings, a sample a"
                + " millisecond) over one more event of " + members
                + " members, " + split.total() + " execution samples of Java threads (JIT and GC threads"
                + " are not sampled);"
                + " each sample counted in the part nearest the top of its stack.");
        out.add("");
        out.add("| part | samples | share | about, ms per email |");
        out.add("|---|---|---|---|");
        split.parts()
                .forEach((part, n) -> out.add(String.format(
                        Locale.ROOT, "| %s | %d | %.1f%% | %.3f |", part, n, 100.0 * n / total, cpuMs * n / total)));
        out.add("");
        out.add("Where in the AWS SDK (its innermost class on the stack): " + top(split.sdkTops(), 6)
                + ". Most frequent" + " top-of-stack classes among \"other\": " + top(split.otherTops(), 6) + ".");
    }

    private static String top(Map<String, Long> counts, int n) {
        return String.join(
                ", ",
                counts.entrySet().stream()
                        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                        .limit(n)
                        .map(e -> "`" + e.getKey() + "` " + e.getValue())
                        .toList());
    }
}
