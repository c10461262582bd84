package dev.listwire.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What 10,000 emails cost on Lambda, from this run's figures: the provider table's invocation-seconds per
 * email, the CPU per email (a Lambda function gets memory / 1,769 MB of a vCPU, so a function whose CPU
 * need is above its share takes longer), and the DynamoDB write units per recipient of the large list, apart
 * for a segment's first run (no claims: about one unit an email) and for the continuations after it (a claim
 * and an outcome: about two). Each segment's first run sends for up to one invocation; what a segment sends
 * after that goes through continuations.
 * Prices: us-east-1, x86, on-demand, as AWS publishes them (BENCHMARKS.md names the pages and the date).
 */
final class CostReport {

    static final double LAMBDA_GB_SECOND = 0.0000166667;
    static final double LAMBDA_REQUEST = 0.20 / 1e6;
    static final double DYNAMODB_WRITE_UNIT = 0.625 / 1e6;
    static final double DYNAMODB_READ_UNIT = 0.125 / 1e6;
    static final double SQS_REQUEST = 0.40 / 1e6;
    /** Memory at which a function has one full vCPU (Lambda's documentation). */
    static final double MB_PER_VCPU = 1769;

    static final int EMAILS = 10_000;
    /** Usable seconds of an invocation: the list's 120 s timeout less listwire's 30 s continuation margin. */
    static final double SECONDS_PER_INVOCATION = 90;
    /** Member scans: about 60 bytes an item, eventually consistent, half a read unit per 4 KB. */
    static final double READ_UNITS_PER_RECIPIENT = 60.0 / 4096 / 2;

    private CostReport() {}

    static void run(List<String> out, List<ProviderBench.Row> rows, CpuBench.Result cpu, LargeListBench.Result large) {
        out.add("");
        out.add("## What 10,000 emails cost on Lambda (model from this run's figures)");
        out.add("");
        if (rows.isEmpty() || cpu == null || large == null) {
            out.add("Not computed: it needs the provider, cpu and memory benchmarks of the same run.");
            return;
        }
        double cpuSeconds = CpuBench.PerEmail.cpu(cpu.listwire()).median() / 1000;
        double firstRunUnits = large.firstRun().perRecipient();
        double laterUnits = large.laterRuns().emails() > 0 ? large.laterRuns().perRecipient() : firstRunUnits;
        out.add(String.format(
                Locale.ROOT,
                "Inputs: CPU %.2f ms per email (CPU section); DynamoDB write units per recipient %.3f in a"
                        + " segment's first run and %.3f in the continuations after it, about %.4f read units"
                        + " (the %d-member list); invocation-seconds per email = segments / emails a second of"
                        + " the provider table, and segments, medians over the segment counts; each segment's"
                        + " first run sends for %.0f s, the rest of its share goes through continuations; on"
                        + " Lambda an invocation takes at least CPU per email / (memory / %.0f MB) per email."
                        + " Invocations: one per %.0f s of sending (the splitting invocation sends too); 3 SQS requests each.",
                cpuSeconds * 1000,
                firstRunUnits,
                laterUnits,
                READ_UNITS_PER_RECIPIENT,
                large.members(),
                SECONDS_PER_INVOCATION,
                MB_PER_VCPU,
                SECONDS_PER_INVOCATION));
        out.add("");
        out.add("| provider | pool | memory | bound by | billed s per 10,000 | GB-s per 10,000 | sent by first runs |"
                + " write units a recipient | Lambda $ | DynamoDB $ | SQS $ | total $ |");
        out.add("|---|---|---|---|---|---|---|---|---|---|---|---|");
        Map<String, List<Double>> perEmail = new LinkedHashMap<>();
        Map<String, List<Double>> segments = new LinkedHashMap<>();
        for (ProviderBench.Row r : rows) {
            String key = r.latencyMs() + " ms|" + r.pool();
            perEmail.computeIfAbsent(key, k -> new ArrayList<>()).add(r.segments() / r.perSecond());
            segments.computeIfAbsent(key, k -> new ArrayList<>()).add((double) r.segments());
        }
        Map<Integer, Double> cheapest = new LinkedHashMap<>();
        perEmail.forEach((key, values) -> {
            double waiting = Figure.of(values).median();
            double split = Figure.of(segments.get(key)).median();
            for (int memory : List.of(512, 1024)) {
                double cpuBound = cpuSeconds / (memory / MB_PER_VCPU);
                double seconds = EMAILS * Math.max(waiting, cpuBound);
                double gbSeconds = seconds * memory / 1024.0;
                // The invocation that splits an event sends a segment itself: no invocation only splits.
                double invocations = Math.max(1, Math.ceil(seconds / SECONDS_PER_INVOCATION));
                double firstRuns = Math.min(1, split * SECONDS_PER_INVOCATION / seconds);
                double writeUnits = firstRuns * firstRunUnits + (1 - firstRuns) * laterUnits;
                double dynamoDb =
                        EMAILS * (writeUnits * DYNAMODB_WRITE_UNIT + READ_UNITS_PER_RECIPIENT * DYNAMODB_READ_UNIT);
                double lambda = gbSeconds * LAMBDA_GB_SECOND + invocations * LAMBDA_REQUEST;
                double sqs = 3 * invocations * SQS_REQUEST;
                String[] k = key.split("\\|");
                out.add(String.format(
                        Locale.ROOT,
                        "| %s | %s | %d MB | %s | %.0f | %.0f | %.0f%% | %.2f | %.5f | %.5f | %.6f | **%.4f** |",
                        k[0],
                        k[1],
                        memory,
                        cpuBound > waiting ? "CPU" : "provider",
                        seconds,
                        gbSeconds,
                        firstRuns * 100,
                        writeUnits,
                        lambda,
                        dynamoDb,
                        sqs,
                        lambda + dynamoDb + sqs));
                cheapest.merge(memory, lambda + dynamoDb + sqs, Double::sum);
            }
        });
        double gmail = EMAILS / 5.0 * 512 / 1024.0;
        out.add("");
        out.add(String.format(
                Locale.ROOT,
                "Summed over the rows above: 512 MB $%.4f, 1,024 MB $%.4f. At"
                        + " the account's default"
                        + " rate (5 emails a second, Gmail) an invocation waits for the account: 2,000 s per"
                        + " 10,000 emails, %.0f GB-s"
                        + " at 512 MB ($%.4f), twice that at 1,024 MB.",
                cheapest.get(512),
                cheapest.get(1024),
                gmail,
                gmail * LAMBDA_GB_SECOND));
    }
}
