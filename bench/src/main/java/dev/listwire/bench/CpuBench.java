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

/**
 * CPU per email: the process CPU time of the function's own JVM (dynalite, ElasticMQ and the sink in other
 * processes) per email sent, after a warm-up event, against the composing loop's in a JVM of its own
 * ({@link ComposingWorker}), on the same sink, with as many connections as the function's pool; then one
 * more event under JDK Flight Recorder, for where the function's CPU goes.
 */
final class CpuBench {

    /** CPU milliseconds per email, each run; and the profile's split. */
    record Result(
            long latencyMs,
            int pool,
            int members,
            List<Double> listwireMs,
            List<Double> composingMs,
            ProfileSplit.Split profile) {}

    /** Jakarta Mail's stream provider named, as listwire's StreamProviderPin does: the loop's best case. */
    private static final String PIN =
            "-Djakarta.mail.util.StreamProvider=org.eclipse.angus.mail.util.MailStreamProvider";

    private CpuBench() {}

    static Result run(MimeMessage template, long latencyMs, int members, int pool, int rounds) throws Exception {
        List<Double> listwire = new ArrayList<>();
        List<Double> composing = new ArrayList<>();
        ProfileSplit.Split profile;
        try (SinkProcess sink = SinkProcess.start(latencyMs)) {
            ListFixture list = BenchList.fixture(1);
            list.members().many("member", members);
            list.property("listwire.smtp.port", sink.port())
                    .property("listwire.smtp.auth", false)
                    .property("listwire.smtp.pool-size", pool);
            try (ParallelInvocations function = ParallelInvocations.start(list, 1, 1)) {
                send(function, sink, members, "cpu-warm");
                for (int i = 0; i < rounds; i++) {
                    listwire.add(send(function, sink, members, "cpu-" + i).cpuNanos() / 1e6 / members);
                }
                Path recording = Path.of("target", "listwire-cpu.jfr").toAbsolutePath();
                Files.deleteIfExists(recording);
                function.first().profileNext(recording);
                send(function, sink, members, "cpu-profiled");
                profile = ProfileSplit.of(recording);
            }
            Path email = Path.of("target", "cpu-template.eml").toAbsolutePath();
            try (OutputStream out = Files.newOutputStream(email)) {
                template.writeTo(out);
            }
            for (int i = 0; i < rounds; i++) {
                composing.add(composingLoop(email, sink, pool, Math.max(1, members / pool)));
            }
        }
        return new Result(latencyMs, pool, members, listwire, composing, profile);
    }

    private static FunctionProcess.Drained send(
            ParallelInvocations function, SinkProcess sink, int members, String eventId) throws Exception {
        int before = sink.count();
        FunctionProcess.Drained drained = function.send(eventId + "-" + System.nanoTime());
        sink.awaitCount(before + members, 5_000);
        if (sink.count() - before != members) {
            throw new IllegalStateException(
                    "the sink got " + (sink.count() - before) + " emails for " + members + " members");
        }
        return drained;
    }

    /** @return the composing loop's CPU milliseconds per email, in its own JVM */
    private static double composingLoop(Path email, SinkProcess sink, int connections, int perConnection)
            throws Exception {
        List<String> options = new ArrayList<>(Jvm.LAMBDA_LIKE);
        options.add(PIN);
        Process process = new ProcessBuilder(Jvm.onClassPath(
                        options,
                        Jvm.functionClassPath(),
                        ComposingWorker.class.getName(),
                        email.toString(),
                        Integer.toString(sink.port()),
                        Integer.toString(connections),
                        Integer.toString(perConnection)))
                .redirectErrorStream(true)
                .start();
        StringBuilder output = new StringBuilder();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith("bench composed ")) {
                    String[] f = line.split(" ");
                    process.waitFor();
                    return Long.parseLong(f[3]) / 1e6 / Long.parseLong(f[2]);
                }
                output.append(line).append('\n');
            }
        }
        process.waitFor();
        throw new IllegalStateException("the composing loop did not finish:\n" + output);
    }
}
