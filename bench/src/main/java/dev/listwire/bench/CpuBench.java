package dev.listwire.bench;

import dev.listwire.testkit.ListFixture;
import jakarta.mail.internet.MimeMessage;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * CPU per email: the process CPU time of the function's own JVM (dynalite, ElasticMQ and the sink in other
 * processes) per email sent, after a warm-up event, against the composing loop's in a JVM of its own
 * ({@link ComposingWorker}), on the same sink, with as many connections as the function's pool; then one
 * more event under JDK Flight Recorder, for where the function's CPU goes.
 */
final class CpuBench {

    /** CPU milliseconds per email, each run (with the JIT's and the collector's parts); and the profile's split. */
    record Result(
            long latencyMs,
            int pool,
            int members,
            List<PerEmail> listwire,
            List<PerEmail> listwireClaiming,
            List<PerEmail> composing,
            List<PerEmail> composingWithLedger,
            List<PerEmail> claim,
            List<PerEmail> claimAhead,
            List<PerEmail> claimPaced,
            double eventPerSecond,
            ProfileSplit.Split profile,
            Steady steady) {}

    /**
     * The same function's JVM after {@code events} events in all, its SDK code compiled as a JVM that has
     * sent for a while has it; each run beside a composing loop of its own, as in the rounds before.
     */
    record Steady(int events, List<PerEmail> listwire, List<PerEmail> composing, ProfileSplit.Split profile) {}

    /**
     * Events on the function's JVM before the steady rounds: listwire makes about 60 DynamoDB calls an event of
     * 1,000 emails, so code run once a call meets C1's thresholds (a few hundred calls) over several events.
     */
    static final int STEADY_AFTER = Integer.getInteger("bench.cpu-steady-after", 20);

    /** One run's process CPU per email, and the JIT compiler's and the collector's milliseconds per email in it. */
    record PerEmail(double cpuMs, double jitMs, double gcMs, Map<String, Double> byThreadMs) {

        /** The runs' CPU milliseconds per email. */
        static Figure cpu(List<PerEmail> runs) {
            return Figure.of(runs.stream().map(PerEmail::cpuMs).toList());
        }

        /** The runs' JIT compiling milliseconds per email. */
        static Figure jit(List<PerEmail> runs) {
            return Figure.of(runs.stream().map(PerEmail::jitMs).toList());
        }

        /** The runs' collector milliseconds per email. */
        static Figure gc(List<PerEmail> runs) {
            return Figure.of(runs.stream().map(PerEmail::gcMs).toList());
        }

        static PerEmail of(JvmTimes times, long emails) {
            return of(times, Map.of(), emails);
        }

        /** @param threadCpu CPU nanoseconds per group of threads ({@link ThreadCpu}) */
        static PerEmail of(JvmTimes times, Map<String, Long> threadCpu, long emails) {
            Map<String, Double> byThread = new java.util.TreeMap<>();
            threadCpu.forEach((group, ns) -> byThread.put(group, ns / 1e6 / emails));
            return new PerEmail(
                    times.cpuNanos() / 1e6 / emails,
                    (double) times.jitMs() / emails,
                    (double) times.gcMs() / emails,
                    byThread);
        }
    }

    /** Jakarta Mail's stream provider named, as listwire's StreamProviderPin does: the loop's best case. */
    private static final String PIN =
            "-Djakarta.mail.util.StreamProvider=org.eclipse.angus.mail.util.MailStreamProvider";

    /** listwire.ledger.claims-ahead's default, for the claim run made as the window makes it. */
    static final int CLAIMS_AHEAD = 16;

    private CpuBench() {}

    static Result run(MimeMessage template, long latencyMs, int members, int pool, int rounds) throws Exception {
        List<PerEmail> listwire = new ArrayList<>();
        List<PerEmail> listwireClaiming = new ArrayList<>();
        List<PerEmail> composing = new ArrayList<>();
        List<PerEmail> composingWithLedger = new ArrayList<>();
        List<PerEmail> claim = new ArrayList<>();
        List<PerEmail> claimAhead = new ArrayList<>();
        List<PerEmail> claimPaced = new ArrayList<>();
        List<Double> eventRates = new ArrayList<>();
        ProfileSplit.Split profile;
        Steady steady;
        Path email = Path.of("target", "cpu-template.eml").toAbsolutePath();
        try (OutputStream out = Files.newOutputStream(email)) {
            template.writeTo(out);
        }
        try (SinkProcess sink = SinkProcess.start(latencyMs)) {
            ListFixture list = BenchList.fixture(1);
            list.members().many("member", members);
            list.property("listwire.smtp.port", sink.port())
                    .property("listwire.smtp.auth", false)
                    .property("listwire.smtp.pool-size", pool);
            try (ParallelInvocations function = ParallelInvocations.start(list, 1, 1);
                    ParallelInvocations claiming = claimingEveryRecipient(list)) {
                // As many warm-up events as the composing loops' warm-up rounds: with only a handful of DynamoDB
                // calls an event, the SDK's code reaches the JIT's thresholds over several events, not one.
                for (int i = 0; i < ComposingWorker.WARM_UP_ROUNDS; i++) {
                    function.sendToEveryMember(sink, members, "cpu-warm-" + i);
                    claiming.sendToEveryMember(sink, members, "cpu-warm-claiming-" + i);
                }
                // Each listwire event (a first run), the same function claiming every recipient, then a
                // composing loop right after them (the functions' JVMs idle), then the composing loop that keeps
                // the ledger: the ratios of a round are taken on the machine as it was then, not minutes apart.
                for (int i = 0; i < rounds; i++) {
                    FunctionProcess.Drained drained = function.sendToEveryMember(sink, members, "cpu-" + i);
                    listwire.add(PerEmail.of(drained.times(), drained.threadCpu(), members));
                    eventRates.add(members * 1000.0 / Math.max(1, drained.lastEndMs() - drained.firstStartMs()));
                    FunctionProcess.Drained claimed = claiming.sendToEveryMember(sink, members, "cpu-claiming-" + i);
                    listwireClaiming.add(PerEmail.of(claimed.times(), claimed.threadCpu(), members));
                    composing.add(composingLoop(email, sink, pool, Math.max(1, members / pool), null));
                    composingWithLedger.add(composingLoop(email, sink, pool, Math.max(1, members / pool), list));
                }
                Path recording = Path.of("target", "listwire-cpu.jfr").toAbsolutePath();
                profile = profiled(function, sink, members, recording, "cpu-profiled");
                int events = ComposingWorker.WARM_UP_ROUNDS + rounds + 1;
                for (; events < STEADY_AFTER; events++) {
                    function.sendToEveryMember(sink, members, "cpu-steady-warm-" + events);
                }
                List<PerEmail> steadyListwire = new ArrayList<>();
                List<PerEmail> steadyComposing = new ArrayList<>();
                for (int i = 0; i < rounds; i++) {
                    FunctionProcess.Drained drained = function.sendToEveryMember(sink, members, "cpu-steady-" + i);
                    steadyListwire.add(PerEmail.of(drained.times(), drained.threadCpu(), members));
                    steadyComposing.add(composingLoop(email, sink, pool, Math.max(1, members / pool), null));
                }
                Path steadyRecording =
                        Path.of("target", "listwire-cpu-steady.jfr").toAbsolutePath();
                steady = new Steady(
                        events,
                        steadyListwire,
                        steadyComposing,
                        profiled(function, sink, members, steadyRecording, "cpu-steady-profiled"));
            }
            double eventPerSecond = Figure.of(eventRates).median();
            for (int i = 0; i < rounds; i++) {
                claim.add(claimCalls(list, pool, Math.max(1, members / pool), 0, 0));
                claimAhead.add(claimCalls(list, pool, Math.max(1, members / pool), CLAIMS_AHEAD, 0));
                claimPaced.add(claimCalls(list, pool, Math.max(1, members / pool), CLAIMS_AHEAD, eventPerSecond));
            }
            return new Result(
                    latencyMs,
                    pool,
                    members,
                    listwire,
                    listwireClaiming,
                    composing,
                    composingWithLedger,
                    claim,
                    claimAhead,
                    claimPaced,
                    eventPerSecond,
                    profile,
                    steady);
        }
    }

    /** One more event, recorded by JDK Flight Recorder in the function's JVM, and where its samples fall. */
    private static ProfileSplit.Split profiled(
            ParallelInvocations function, SinkProcess sink, int members, Path recording, String eventId)
            throws Exception {
        Files.deleteIfExists(recording);
        function.first().profileNext(recording);
        function.sendToEveryMember(sink, members, eventId);
        return ProfileSplit.of(recording);
    }

    /**
     * The same function in a JVM of its own, with {@code listwire.ledger.first-runs-unclaimed=false}: every run
     * claims each recipient, as every run did before a segment's first run stopped claiming.
     */
    private static ParallelInvocations claimingEveryRecipient(ListFixture list) throws Exception {
        String property = "listwire.ledger.first-runs-unclaimed";
        list.property(property, false);
        try {
            return ParallelInvocations.start(list, 1, 1);
        } finally {
            list.property(property, true);
        }
    }

    /**
     * @param ledger null: the plain composing loop; else the list whose environment (dynalite, the ledger
     *     table) the loop that keeps the ledger uses
     * @return the composing loop's CPU per email, in its own JVM
     */
    private static PerEmail composingLoop(
            Path email, SinkProcess sink, int connections, int perConnection, ListFixture ledger) throws Exception {
        List<String> options = new ArrayList<>(Jvm.LAMBDA_LIKE);
        options.add(PIN);
        List<String> args = new ArrayList<>(List.of(
                email.toString(),
                Integer.toString(sink.port()),
                Integer.toString(connections),
                Integer.toString(perConnection)));
        if (ledger != null) {
            args.add("ledger");
        }
        return worker(
                ledger == null ? Map.of() : ledger.environment(),
                options,
                "bench composed ",
                ComposingWorker.class.getName(),
                args.toArray(String[]::new));
    }

    /**
     * @param ahead 0: each of {@code threads} makes its own calls; above 0: one thread keeps that many on
     *     their way on listwire's background threads, as the claims-ahead window does ({@link ClaimCallWorker})
     * @param perSecond above 0 (with {@code ahead}): one claim started each {@code 1 / perSecond}, the pace of
     *     the listwire events measured
     * @return the CPU per call of the ledger's claim alone, in its own JVM
     */
    private static PerEmail claimCalls(ListFixture list, int threads, int perThread, int ahead, double perSecond)
            throws Exception {
        return worker(
                list.environment(),
                Jvm.LAMBDA_LIKE,
                "bench claimed ",
                ClaimCallWorker.class.getName(),
                Integer.toString(threads),
                Integer.toString(perThread),
                Integer.toString(ahead),
                Double.toString(perSecond));
    }

    /** Runs a worker on the function's class path and reads its {@code <count> <cpu ns> <jit ms> <gc ms>} line. */
    private static PerEmail worker(
            Map<String, String> environment, List<String> options, String prefix, String main, String... args)
            throws Exception {
        ProcessBuilder builder = new ProcessBuilder(Jvm.onClassPath(options, Jvm.functionClassPath(), main, args))
                .redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        StringBuilder output = new StringBuilder();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith(prefix)) {
                    String[] f = line.split(" ");
                    process.waitFor();
                    return PerEmail.of(JvmTimes.parse(f, 3), Long.parseLong(f[2]));
                }
                output.append(line).append('\n');
            }
        }
        process.waitFor();
        throw new IllegalStateException(main + " did not finish:\n" + output);
    }
}
