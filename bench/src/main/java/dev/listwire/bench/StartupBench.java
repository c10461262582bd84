package dev.listwire.bench;

import dev.listwire.common.testing.ListFixture;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JVM start to first batch done: a fresh JVM per run on the list's {@code function.jar}, timed from process start to its "first-batch-done"
 * line, for the list function under each setting and for {@link PlainHandler}, interleaved. The JVMs run
 * with {@code -XX:TieredStopAtLevel=1}, as Lambda's Java runtimes do.
 */
final class StartupBench {

    record Variant(String name, String kind, List<String> jvmOptions) {
    }

    static final List<Variant> VARIANTS = List.of(
            new Variant("plain Java handler (no Micronaut)", "plain", List.of()),
            new Variant("listwire, defaults", "listwire", List.of()),
            new Variant("listwire, environment deduction off", "listwire", List.of("-Dmicronaut.env.deduction=false")));

    private StartupBench() {
    }

    /** Milliseconds per variant, and each listwire variant's ratio to the plain handler of the same round. */
    static Map<String, List<Double>> run(int members, int rounds) throws Exception {
        ListFixture list = BenchList.fixture();
        list.members().many("member", members);
        Map<String, String> env = new LinkedHashMap<>(System.getenv());
        env.putAll(list.environment());
        env.put("LISTWIRE_MANIFEST", BenchList.MANIFEST);
        Map<String, List<Double>> millis = new LinkedHashMap<>();
        for (int round = -1; round < rounds; round++) {
            for (Variant v : VARIANTS) {
                double ms = once(v, env, "startup-" + round + "-" + v.kind() + "-" + millis.size() + "-" + System.nanoTime());
                if (round >= 0) { // round -1 warms the OS file cache
                    millis.computeIfAbsent(v.name(), k -> new ArrayList<>()).add(ms);
                }
            }
        }
        return millis;
    }

    /** The list's deployable jar, as Lambda loads it, and the folder of the probe and the plain handler. */
    private static String probeClassPath() {
        Path jar = Path.of(System.getProperty("bench.function-jar", "../lists/stock-movement-alerts/target/function.jar"));
        if (!java.nio.file.Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar.toAbsolutePath() + " is missing: build it with mvn -pl bench -am package");
        }
        String probe = StartupProbe.class.getProtectionDomain().getCodeSource().getLocation().getPath();
        return jar.toAbsolutePath() + java.io.File.pathSeparator + probe;
    }

    private static double once(Variant variant, Map<String, String> env, String eventId) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-XX:TieredStopAtLevel=1");
        command.addAll(variant.jvmOptions());
        command.addAll(List.of("-cp", probeClassPath(), StartupProbe.class.getName(),
                variant.kind(), eventId));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(env);
        long start = System.nanoTime();
        Process process = builder.start();
        StringBuilder output = new StringBuilder();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith("stage ") && Boolean.getBoolean("bench.startup-stages")) {
                    System.err.println(variant.name() + ": " + line + " ms of JVM uptime; process "
                            + (System.nanoTime() - start) / 1_000_000 + " ms");
                }
                if (line.startsWith("first-batch-done")) {
                    double ms = (System.nanoTime() - start) / 1e6;
                    if (!line.endsWith(" -1") && !line.endsWith(" 0")) {
                        process.waitFor();
                        return ms;
                    }
                }
                output.append(line).append('\n');
            }
        }
        process.waitFor();
        throw new IllegalStateException(variant.name() + " did not finish its first batch:\n" + output);
    }
}
