package dev.listwire.bench;

import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The provider-bound figures as Markdown: the throughput table (latency x pool x segments) and the run
 * that shows the account's rate is kept. Sizes: {@code -Dbench.latencies} (100,300 ms a message),
 * {@code -Dbench.pools} (1,4,8,16), {@code -Dbench.segments} (2,4), {@code -Dbench.provider-members} (500,
 * the least), {@code -Dbench.provider-seconds} (10: a list at least this long at the bound),
 * {@code -Dbench.account-rate} (20 a second, for the rate run; 0 does not run it), {@code
 * -Dbench.provider-long-seconds} (30: how long the rows under the goal run again; 0 does not run them).
 */
final class ProviderReport {

    /** What the cost and CPU sections reuse: every row measured. */
    static final List<ProviderBench.Row> ROWS = new ArrayList<>();

    /** The rows under the goal, run again with a longer list right after the others on the same sink. */
    private static final List<ProviderBench.Row> LONGER = new ArrayList<>();

    private ProviderReport() {}

    static void run(List<String> out) throws Exception {
        List<Integer> latencies = Benchmarks.ints("bench.latencies", "100,300");
        List<Integer> pools = Benchmarks.ints("bench.pools", "1,4,8,16");
        List<Integer> segments = Benchmarks.ints("bench.segments", "2,4");
        int minMembers = Integer.getInteger("bench.provider-members", 500);
        double minSeconds = Double.parseDouble(System.getProperty("bench.provider-seconds", "10"));
        double accountRate = Double.parseDouble(System.getProperty("bench.account-rate", "20"));
        double longSeconds = Double.parseDouble(System.getProperty("bench.provider-long-seconds", "30"));
        MimeMessage template = FanOutBench.template();
        List<String> bares = new ArrayList<>();
        ProviderBench.Row capped = null;
        double cappedBare = 0;
        for (int latency : latencies) {
            try (SinkProcess sink = SinkProcess.start(latency)) {
                List<Double> measured = new ArrayList<>();
                for (int s : segments) {
                    for (int pool : pools) {
                        // The bare loop right before each row: the machine's noise of the moment falls on both.
                        double bare = ProviderBench.bareRate(template, sink);
                        measured.add(bare);
                        ROWS.add(progress(ProviderBench.run(
                                sink, bare, new ProviderBench.Setup(pool, s, 0), minMembers, minSeconds)));
                    }
                }
                bares.add(latency + " ms: " + Figure.of(measured).format("%.2f") + " emails/s");
                if (longSeconds > minSeconds) {
                    runLonger(template, sink, latency, minMembers, longSeconds);
                }
                if (capped == null && accountRate > 0) {
                    double bare = ProviderBench.bareRate(template, sink);
                    // Three of the account's windows at least, so that what carries over from one to the next shows.
                    cappedBare = bare;
                    capped = progress(ProviderBench.run(
                            sink,
                            bare,
                            new ProviderBench.Setup(4, 2, accountRate),
                            minMembers,
                            Math.max(minSeconds, 3.0 * window())));
                }
            }
        }
        out.add("");
        out.add("## Provider-bound throughput (sink: `LatencySink`, its own process, answering each"
                + " email's end of DATA after the latency)");
        out.add("");
        out.add("Goal: listwire at least 0.9x the bound = pool x segments x the bare loop's"
                + " one-connection rate on the same sink"
                + " (the bare loop's one-connection rate measured on the sink right before each row: "
                + String.join("; ", bares)
                + "). Each segment is an invocation in its own JVM"
                + (ProviderBench.SEGMENTS_PER_INVOCATION == 1
                        ? ""
                        : " taking the next of " + ProviderBench.SEGMENTS_PER_INVOCATION
                                + " scan segments each (-Dbench.segments-per-invocation)")
                + " on function.jar. Each row is two events on the same JVMs: the first meets new JVMs (every"
                + " class loaded and compiled on the way: the column \"first event\"); the second, the execution"
                + " environments it left warm, as Lambda reuses them, is the measured one. emails/s runs from the"
                + " event put on the queue to the end of the last invocation (the split included); \"at the"
                + " sink\" from the first email's MAIL FROM to the last one's;"
                + " \"x bound for the largest segment\" divides by the bound the scan's uneven split"
                + " allows if each segment keeps its own pool (the largest segment's emails at pool x the bare"
                + " rate), above 1 where the parts still running took over the connections of those that ended"
                + " (`LISTWIRE_SMTP_SHARE_EVERY`, on by default); \"cores busy\" = CPU per"
                + " email x emails/s in the function's JVMs; \"machine\" = every process's busy CPU during the"
                + " measured event (the machine has " + Runtime.getRuntime().availableProcessors()
                + " cores, shared by the function's JVMs, dynalite, ElasticMQ, the sink and anything else).");
        out.add("");
        out.add("| latency | pool | segments | members | listwire, emails/s | bound | ratio | goal 0.9 |"
                + " first event, new JVMs: emails/s (x bound) | at the sink: emails/s (x bound)"
                + " | emails per segment | x bound for the largest segment | CPU ms/email | cores busy"
                + " in the function's JVMs | machine, cores busy | invocations |");
        out.add("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (ProviderBench.Row r : ROWS) {
            out.add(String.format(
                    Locale.ROOT,
                    "| %d ms | %d | %d | %d | %.1f | %.1f | **%.3f** | %s |"
                            + " %.1f (%.2f) | %.1f (%.2f) | %s | %.2f | %.2f | %.2f | %.2f | %d |",
                    r.latencyMs(),
                    r.pool(),
                    r.segments(),
                    r.members(),
                    r.perSecond(),
                    r.bound(),
                    r.ratio(),
                    r.ratio() >= 0.9 ? "met" : "not met",
                    r.coldPerSecond(),
                    r.coldPerSecond() / r.bound(),
                    r.atSink(),
                    r.atSink() / r.bound(),
                    r.segmentsText(),
                    r.perSecond() / r.unevenBound(),
                    r.cpuMsPerEmail(),
                    r.cores(),
                    r.machineCores(),
                    r.invocations()));
        }
        longer(out, minSeconds, longSeconds);
        if (capped != null) {
            rateCheck(out, capped, cappedBare, accountRate);
        }
    }

    /**
     * Each row of this latency under the goal, again with a list that lasts {@code seconds} at the bound:
     * what an event pays once (its split, the first emails' wait, the last segment's end) weighs less in a
     * longer one, and what stays short is a rate the function cannot keep.
     */
    private static void runLonger(MimeMessage template, SinkProcess sink, int latency, int minMembers, double seconds)
            throws Exception {
        List<ProviderBench.Row> shortOfGoal = ROWS.stream()
                .filter(r -> r.latencyMs() == latency && r.ratio() < 0.9)
                .toList();
        for (ProviderBench.Row r : shortOfGoal) {
            double bare = ProviderBench.bareRate(template, sink);
            LONGER.add(progress(ProviderBench.run(
                    sink, bare, new ProviderBench.Setup(r.pool(), r.segments(), 0), minMembers, seconds)));
        }
    }

    private static void longer(List<String> out, double minSeconds, double longSeconds) {
        if (longSeconds <= minSeconds) {
            return;
        }
        out.add("");
        out.add(String.format(
                Locale.ROOT,
                "### The rows under the goal again, with lists lasting %.0f s at the bound instead of %.0f s",
                longSeconds,
                minSeconds));
        out.add("");
        out.add("Right after the rows above, on the same sink, with a bare-loop reading of their own. Not the"
                + " goal's figures (those are the table above); they tell apart what an event pays once (the"
                + " split through the queue, its first emails, its largest segment's end) and a rate listwire"
                + " cannot keep." + (LONGER.isEmpty() ? " Every row met the goal: none ran again." : ""));
        if (LONGER.isEmpty()) {
            return;
        }
        out.add("");
        out.add("| latency | pool | segments | members | listwire, emails/s | bound | ratio | at the sink: emails/s"
                + " (x bound) | emails per segment | machine, cores busy |");
        out.add("|---|---|---|---|---|---|---|---|---|---|");
        for (ProviderBench.Row r : LONGER) {
            out.add(String.format(
                    Locale.ROOT,
                    "| %d ms | %d | %d | %d | %.1f | %.1f | %.3f | %.1f (%.2f) | %s | %.2f |",
                    r.latencyMs(),
                    r.pool(),
                    r.segments(),
                    r.members(),
                    r.perSecond(),
                    r.bound(),
                    r.ratio(),
                    r.atSink(),
                    r.atSink() / r.bound(),
                    r.segmentsText(),
                    r.machineCores()));
        }
    }

    /** listwire.sending.window-seconds as the run sets it (its default, 10, unless -Dbench.set.* says otherwise). */
    private static int window() {
        return Integer.parseInt(System.getProperty("bench.set.listwire.sending.window-seconds", "10"));
    }

    private static void rateCheck(List<String> out, ProviderBench.Row r, double bare, double accountRate) {
        int window = window();
        long perWindow = (long) Math.floor(accountRate * window);
        long aligned = ProviderBench.mostInAlignedWindow(r.sent(), window);
        long sliding = ProviderBench.mostInSlidingWindow(r.sent(), window);
        boolean kept = aligned <= perWindow;
        out.add("");
        out.add(String.format(
                Locale.ROOT,
                "### The account's rate: %.0f emails/s configured (%d per %d"
                        + " s window), below the bound"
                        + " of pool %d x %d segments (%.1f emails/s at %d ms)",
                accountRate,
                perWindow,
                window,
                r.pool(),
                r.segments(),
                r.pool() * r.segments() * bare,
                r.latencyMs()));
        out.add("");
        out.add("Counted at the sink by each email's MAIL FROM time. Goal: never above the configured"
                + " rate, as the account"
                + " defines it: at most " + perWindow + " in each of its windows (aligned as"
                + " `SendingAccount` counts them)."
                + " Fixed windows let up to twice that through in a " + window + " s span that straddles"
                + " two of them, and"
                + " a run a few windows long averages above the rate: both are shown, neither is the goal.");
        out.add("");
        out.add("| members | listwire, emails/s | at the sink, emails/s | most in one of the account's " + window
                + " s windows" + " | most in any " + window + " s | goal |");
        out.add("|---|---|---|---|---|---|");
        out.add(String.format(
                Locale.ROOT,
                "| %d | %.1f | %.1f | %d | %d | %s |",
                r.members(),
                r.perSecond(),
                r.atSink(),
                aligned,
                sliding,
                kept ? "met" : "**not met**"));
    }

    private static ProviderBench.Row progress(ProviderBench.Row r) {
        System.err.printf(
                Locale.ROOT,
                "provider %d ms, pool %d, %d segments, %d members: %.1f/s (bound"
                        + " %.1f, %.2f; first event %.1f/s), at sink %.1f, %.2f CPU ms/email, machine %.2f cores%n",
                r.latencyMs(),
                r.pool(),
                r.segments(),
                r.members(),
                r.perSecond(),
                r.bound(),
                r.ratio(),
                r.coldPerSecond(),
                r.atSink(),
                r.cpuMsPerEmail(),
                r.machineCores());
        return r;
    }
}
