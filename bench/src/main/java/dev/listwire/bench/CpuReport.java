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
        Figure ratio = roundByRound(r.listwire(), r.composing());
        Figure ledgerRatio = roundByRound(r.composingWithLedger(), r.composing());
        Figure overLedger = roundByRound(r.listwire(), r.composingWithLedger());
        Figure claimingRatio = roundByRound(r.listwireClaiming(), r.composing());
        Figure firstOverClaiming = roundByRound(r.listwire(), r.listwireClaiming());
        out.add("");
        out.add("## CPU per email (sink: `LatencySink`, " + latency + " ms a message, its own process; " + members
                + " members, " + pool + " connections)");
        out.add("");
        out.add("Process CPU time (all threads: JIT and GC included) per email sent, each JVM its own process with"
                + " `" + String.join(" ", Jvm.LAMBDA_LIKE)
                + "`, measured after warm-up (listwire: three warm-up events on the"
                + " same JVM, which then runs every round; each composing loop: three rounds as long in its own"
                + " JVM; listwire's JVM is read during its invocations only, as Lambda bills them: the"
                + " worker's receiving and deleting of the queue's messages, the event source mapping's work,"
                + " is left out). Listwire's events and"
                + " the composing loops take turns, so each ratio is of two runs made in the same round, one right"
                + " after the other."
                + " Goal: listwire at most 2x the composing loop.");
        out.add("");
        out.add("| JVM | CPU ms per email | of it, JIT compiling | of it, GC | x composing loop (run by run) | goal |");
        out.add("|---|---|---|---|---|---|");
        out.add("| composing loop (Jakarta Mail, " + pool + " connections, stream provider named as listwire does) | "
                + CpuBench.PerEmail.cpu(r.composing()).format("%.3f") + " | " + jit(r.composing()) + " | "
                + gc(r.composing())
                + " | 1 (baseline) | |");
        out.add("| listwire (function.jar, one invocation, pool of " + pool + ") | "
                + CpuBench.PerEmail.cpu(r.listwire()).format("%.3f") + " | " + jit(r.listwire()) + " | "
                + gc(r.listwire())
                + " | **" + ratio.format("%.2f") + "** | 2: " + (ratio.median() <= 2 ? "met" : "**not met**") + " |");
        out.add("| listwire, every run claiming each recipient (the same function.jar in a JVM of its own, with"
                + " `listwire.ledger.first-runs-unclaimed=false`: as every run sent before a segment's first run"
                + " stopped claiming; as a retry or a continuation sends now) | "
                + CpuBench.PerEmail.cpu(r.listwireClaiming()).format("%.3f") + " | " + jit(r.listwireClaiming())
                + " | " + gc(r.listwireClaiming()) + " | " + claimingRatio.format("%.2f") + " | |");
        out.add("| composing loop keeping the ledger (the same loop, with listwire's own ledger code around each"
                + " email: the conditional claim before it, on the sending thread; the `sent` mark after it,"
                + " written in batches) | "
                + CpuBench.PerEmail.cpu(r.composingWithLedger()).format("%.3f") + " | "
                + jit(r.composingWithLedger()) + " | " + gc(r.composingWithLedger()) + " | "
                + ledgerRatio.format("%.2f") + " | |");
        CpuBench.Steady steady = r.steady();
        Figure steadyRatio = roundByRound(steady.listwire(), steady.composing());
        out.add("| listwire at a steady state: the same JVM after " + steady.events() + " events (most of its SDK code"
                + " compiled by then, as the profile's interpreted column shows; each run beside a composing loop of its own) | "
                + CpuBench.PerEmail.cpu(steady.listwire()).format("%.3f") + " | " + jit(steady.listwire()) + " | "
                + gc(steady.listwire()) + " | " + steadyRatio.format("%.2f") + " | |");
        out.add("| composing loop, run beside those steady-state events | "
                + CpuBench.PerEmail.cpu(steady.composing()).format("%.3f") + " | " + jit(steady.composing())
                + " | " + gc(steady.composing()) + " | 1 (their baseline) | |");
        double composingMs = CpuBench.PerEmail.cpu(r.composing()).median();
        double claimMs = CpuBench.PerEmail.cpu(r.claim()).median();
        double aheadMs = CpuBench.PerEmail.cpu(r.claimAhead()).median();
        out.add("| the ledger's claim alone, per call: the conditional `UpdateItem` listwire makes per recipient, on"
                + " the function's own client, " + pool + " threads each making its own calls | "
                + CpuBench.PerEmail.cpu(r.claim()).format("%.3f") + " | " + jit(r.claim()) + " | " + gc(r.claim())
                + " | "
                + String.format(Locale.ROOT, "%.2f", claimMs / composingMs) + " | |");
        out.add("| the same claim, per call, made as listwire's claims-ahead window makes it: one thread keeps "
                + CpuBench.CLAIMS_AHEAD
                + " on their way, half of them at a time, each half made one after another by one of"
                + " listwire's background threads | "
                + CpuBench.PerEmail.cpu(r.claimAhead()).format("%.3f") + " | " + jit(r.claimAhead()) + " | "
                + gc(r.claimAhead()) + " | " + String.format(Locale.ROOT, "%.2f", aheadMs / composingMs) + " | |");
        double pacedMs = CpuBench.PerEmail.cpu(r.claimPaced()).median();
        out.add(String.format(
                Locale.ROOT,
                "| the same window, paced as listwire's events made their claims: one started every 1/%.0f s |"
                        + " %s | %s | %s | %.2f | |",
                r.eventPerSecond(),
                CpuBench.PerEmail.cpu(r.claimPaced()).format("%.3f"),
                jit(r.claimPaced()),
                gc(r.claimPaced()),
                pacedMs / composingMs));
        out.add("");
        out.add("Listwire's events here are first runs: one conditional write for the segment, no claim per"
                + " recipient, the outcomes written in batches (`SegmentRuns`). Run by run, they cost "
                + firstOverClaiming.format("%.2f") + "x the same function claiming every recipient, and "
                + overLedger.format("%.2f") + "x the composing loop keeping the ledger (a claim per recipient"
                + " and its mark, nothing else listwire does), which itself costs " + ledgerRatio.format("%.2f")
                + "x the composing loop.");
        out.add("");
        out.add(String.format(
                Locale.ROOT,
                "The claim rows are what a claiming run (a retry, a continuation, a second delivery) pays per"
                        + " recipient: %.3f ms made as the window makes it, %.3f ms paced as these events sent"
                        + " (%.0f emails a second: the events' members over their time).",
                aheadMs,
                pacedMs,
                r.eventPerSecond()));
        byThread(out, r.listwire());
        out.add("");
        out.add("Where listwire's CPU goes: JDK Flight Recorder (`profile` settings, a sample a millisecond) over one"
                + " more event of " + members + " members on the measured JVM, once right after the goal's rounds"
                + " and once after the steady-state rounds; Java threads' execution samples (the worker's own, outside the"
                + " handler, left out), each counted in the part nearest the top of its stack. The samples share"
                + " out the CPU per email of the rounds before them less the JIT compiler's and the collector's"
                + " time (from the JVM's own counters, which the sampler does not see). \"interpreted\": samples"
                + " whose running method was not compiled yet.");
        out.add("");
        out.add("| part | samples | share | interpreted | about, ms per email | steady: samples | share |"
                + " interpreted | about, ms per email |");
        out.add("|---|---|---|---|---|---|---|---|---|");
        Shares first = new Shares(r.profile(), r.listwire());
        Shares later = new Shares(steady.profile(), steady.listwire());
        for (String part : ProfileSplit.PARTS) {
            out.add("| " + part + " | " + first.row(part) + " | " + later.row(part) + " |");
        }
        out.add(String.format(
                Locale.ROOT,
                "| all sampled | %d | | %d | %.3f | %d | | %d | %.3f |",
                first.split.total(),
                first.interpreted(),
                first.javaMs,
                later.split.total(),
                later.interpreted(),
                later.javaMs));
        out.add(String.format(
                Locale.ROOT, "| JIT compiling (not sampled) | | | | %.3f | | | | %.3f |", first.jitMs, later.jitMs));
        out.add(String.format(Locale.ROOT, "| GC (not sampled) | | | | %.3f | | | | %.3f |", first.gcMs, later.gcMs));
        out.add("");
        out.add("Where in the AWS SDK (its innermost class on the stack), the first profile: "
                + top(r.profile().sdkTops(), 6) + ". Most frequent top-of-stack classes among \"other\": "
                + top(r.profile().otherTops(), 6) + ".");
    }

    /** A profile's samples sharing out the CPU per email of the runs before it. */
    private static final class Shares {
        final ProfileSplit.Split split;
        final double jitMs;
        final double gcMs;
        final double javaMs;

        Shares(ProfileSplit.Split split, List<CpuBench.PerEmail> runs) {
            this.split = split;
            this.jitMs = CpuBench.PerEmail.jit(runs).median();
            this.gcMs = CpuBench.PerEmail.gc(runs).median();
            this.javaMs = Math.max(0, CpuBench.PerEmail.cpu(runs).median() - jitMs - gcMs);
        }

        long interpreted() {
            return split.interpreted().values().stream()
                    .mapToLong(Long::longValue)
                    .sum();
        }

        String row(String part) {
            long n = split.parts().get(part);
            long total = Math.max(1, split.total());
            return String.format(
                    Locale.ROOT,
                    "%d | %.1f%% | %d | %.3f",
                    n,
                    100.0 * n / total,
                    split.interpreted().get(part),
                    javaMs * n / total);
        }
    }

    /** The ratio of each round's two runs (taken one right after the other), over the rounds. */
    private static Figure roundByRound(List<CpuBench.PerEmail> runs, List<CpuBench.PerEmail> baselines) {
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < Math.min(runs.size(), baselines.size()); i++) {
            ratios.add(runs.get(i).cpuMs() / baselines.get(i).cpuMs());
        }
        return Figure.of(ratios);
    }

    /** Listwire's CPU per email by group of threads (exact, from each thread's CPU time), median over the runs. */
    private static void byThread(List<String> out, List<CpuBench.PerEmail> runs) {
        java.util.Set<String> groups = new java.util.TreeSet<>();
        runs.forEach(run -> groups.addAll(run.byThreadMs().keySet()));
        out.add("");
        out.add("Listwire's CPU by thread (each Java thread's own CPU time over the measured runs, grouped by name;"
                + " what is left of the process's time is the JIT compiler, the collector, the JVM's other"
                + " threads and threads that ended during a run):");
        out.add("");
        out.add("| threads | CPU ms per email |");
        out.add("|---|---|");
        double sum = 0;
        for (String group : groups) {
            Figure figure = Figure.of(runs.stream()
                    .map(run -> run.byThreadMs().getOrDefault(group, 0.0))
                    .toList());
            if (figure.median() >= 0.001) {
                out.add("| `" + group + "` | " + figure.format("%.3f") + " |");
            }
            sum += figure.median();
        }
        out.add(String.format(
                Locale.ROOT,
                "| the rest of the process | %.3f |",
                CpuBench.PerEmail.cpu(runs).median() - sum));
    }

    private static String jit(List<CpuBench.PerEmail> runs) {
        return CpuBench.PerEmail.jit(runs).format("%.3f");
    }

    private static String gc(List<CpuBench.PerEmail> runs) {
        return CpuBench.PerEmail.gc(runs).format("%.3f");
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
