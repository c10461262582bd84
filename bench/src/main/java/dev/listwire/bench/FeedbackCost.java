package dev.listwire.bench;

import java.util.List;
import java.util.Locale;

/**
 * The feedback function's cost per run of its schedule, from {@link FeedbackBench}'s times. Lambda bills the
 * init phase too, so a run on a new execution environment costs its start and its run. Prices: us-east-1,
 * on-demand, arm64 (the module's default architecture), as AWS publishes them (BENCHMARKS.md names the pages).
 */
final class FeedbackCost {

    static final double LAMBDA_ARM_GB_SECOND = 0.0000133334;
    static final double SCHEDULER_INVOCATION = 1.00 / 1e6;
    static final double GB = 512 / 1024.0;
    static final int RUNS_A_MONTH = 2_880;
    /** The cursor: one consistent GetItem (1 read unit) and one UpdateItem (1 write unit). */
    static final int CURSOR_READ_UNITS = 1;

    static final int CURSOR_WRITE_UNITS = 1;
    /**
     * Per hard bounce: the report's dedupe item, the suppression, the ledger's mark and the summary's counter
     * (the last two are conditional and bill a write unit even when the item is gone).
     */
    static final int WRITE_UNITS_PER_BOUNCE = 4;

    private FeedbackCost() {}

    static void run(List<String> out) throws Exception {
        int warmRuns = Integer.getInteger("bench.feedback-runs", 10);
        int reports = Integer.getInteger("bench.feedback-reports", 50);
        FeedbackBench.Result r = FeedbackBench.run(warmRuns, reports);
        double cold = r.constructedMs() + r.coldRunMs();
        out.add("");
        out.add("## The feedback function: one run of its schedule (imap), 512 MB, Lambda-like JVM options");
        out.add("");
        out.add("GreenMail's IMAP on this machine, no TLS: a real mailbox adds the TLS handshake and the network's"
                + " round trips (a few hundred ms to Gmail).");
        out.add("");
        out.add("| run | time | Lambda cost of the run | + request, schedule, cursor | per run |");
        out.add("|---|---|---|---|---|");
        row(out, "JVM start to handler built (the init a SnapStart snapshot holds)", r.constructedMs(), 0);
        row(out, "its first run, empty mailbox (after a SnapStart restore: this plus the restore)", r.coldRunMs(), 0);
        row(out, "both: a new environment without SnapStart", cold, 0);
        out.add(String.format(
                Locale.ROOT,
                "| warm, empty mailbox (%d runs) | %s ms | %s | %s | %s |",
                r.warmRunMs().runs(),
                r.warmRunMs().format("%.0f"),
                usd(duration(r.warmRunMs().median())),
                usd(fixed()),
                usd(duration(r.warmRunMs().median()) + fixed())));
        row(out, "warm, " + r.reports() + " hard bounces acted on", r.reportsRunMs(), r.reports());
        out.add("");
        out.add(String.format(
                Locale.ROOT,
                "A month of the default schedule (%,d runs), no free tier: **%s** when every run starts a new"
                        + " environment without SnapStart, **%s** when every run is a first run (SnapStart's restore"
                        + " not included); each bounce acted on adds %.1f ms of a warm run and %s of DynamoDB writes.",
                RUNS_A_MONTH,
                usd(RUNS_A_MONTH * (duration(cold) + fixed())),
                usd(RUNS_A_MONTH * (duration(r.coldRunMs()) + fixed())),
                r.reportsRunMs() / r.reports(),
                usd(WRITE_UNITS_PER_BOUNCE * CostReport.DYNAMODB_WRITE_UNIT)));
    }

    private static void row(List<String> out, String what, double ms, int bounces) {
        double writes = bounces * WRITE_UNITS_PER_BOUNCE * CostReport.DYNAMODB_WRITE_UNIT;
        out.add(String.format(
                Locale.ROOT,
                "| %s | %.0f ms | %s | %s | %s |",
                what,
                ms,
                usd(duration(ms)),
                usd(fixed() + writes),
                usd(duration(ms) + fixed() + writes)));
    }

    /** Lambda bills by the millisecond. */
    private static double duration(double ms) {
        return Math.ceil(ms) / 1000 * GB * LAMBDA_ARM_GB_SECOND;
    }

    private static double fixed() {
        return CostReport.LAMBDA_REQUEST
                + SCHEDULER_INVOCATION
                + CURSOR_READ_UNITS * CostReport.DYNAMODB_READ_UNIT
                + CURSOR_WRITE_UNITS * CostReport.DYNAMODB_WRITE_UNIT;
    }

    private static String usd(double amount) {
        return String.format(Locale.ROOT, "%.7f USD", amount);
    }
}
