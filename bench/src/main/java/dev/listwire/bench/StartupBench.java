package dev.listwire.bench;

import dev.listwire.testkit.ListFixture;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * JVM start to first batch done: a fresh JVM per run on the list's {@code function.jar}, timed from process start to its "first-batch-done"
 * line, for the list function under each setting and for {@link PlainHandler}, interleaved. The JVMs run
 * with {@code -XX:TieredStopAtLevel=1 -XX:+UseSerialGC}, as Lambda's Java runtimes do. Every variant is compared with the
 * plain handler of the same round; the class data sharing one with the plain handler on its own archive.
 */
final class StartupBench {

    static final String PLAIN = "plain Java handler (no Micronaut)";
    static final String PLAIN_CDS = "plain Java handler, AppCDS archive";

    /**
     * One way to start. {@code clients}: a folder of {@code target/startup-clients} added to the class path
     * (another AWS SDK HTTP client); {@code cds}: run on an AppCDS archive that an unmeasured first run of
     * the same variant wrote; {@code baseline}: the variant this one is divided by.
     */
    record Variant(String name, String kind, List<String> jvmOptions, String clients, boolean cds, String baseline) {}

    static final List<Variant> VARIANTS = List.of(
            new Variant(PLAIN, "plain", List.of(), "url-connection", false, PLAIN),
            new Variant("listwire, defaults (Apache HTTP client)", "listwire", List.of(), "", false, PLAIN),
            new Variant(
                    "listwire, warm-up thread off", "listwire", List.of("-Dlistwire.warm-up=false"), "", false, PLAIN),
            // The default follows the processors the JVM sees; this one warms up even on one (under taskset -c 0).
            new Variant(
                    "listwire, warm-up thread forced on",
                    "listwire",
                    List.of("-Dlistwire.warm-up=true"),
                    "",
                    false,
                    PLAIN),
            new Variant(
                    "listwire, environment deduction off",
                    "listwire",
                    List.of("-Dmicronaut.env.deduction=false"),
                    "",
                    false,
                    PLAIN),
            new Variant(
                    "listwire, AWS CRT HTTP client",
                    "listwire",
                    List.of("-Dlistwire.bench.http-client=crt"),
                    "crt",
                    false,
                    PLAIN),
            new Variant(PLAIN_CDS, "plain", List.of(), "url-connection", true, PLAIN_CDS),
            new Variant("listwire, defaults, AppCDS archive", "listwire", List.of(), "", true, PLAIN_CDS));

    private StartupBench() {}

    /** Milliseconds per variant, and each listwire variant's ratio to the plain handler of the same round. */
    static Map<String, List<Double>> run(int members, int rounds) throws Exception {
        ListFixture list = BenchList.fixture();
        list.members().many("member", members);
        Map<String, String> env = new LinkedHashMap<>(System.getenv());
        env.putAll(list.environment());
        env.put("LISTWIRE_MANIFEST", BenchList.MANIFEST);
        Map<String, List<Double>> millis = new LinkedHashMap<>();
        List<Variant> variants = chosen();
        for (Variant v : variants) {
            if (v.cds()) { // the training run: the classes it loads go into the archive when it exits
                Files.deleteIfExists(archive(v));
                once(
                        v,
                        env,
                        "startup-train-" + v.kind() + "-" + System.nanoTime(),
                        List.of("-XX:ArchiveClassesAtExit=" + archive(v)));
            }
        }
        for (int round = -1; round < rounds; round++) {
            for (Variant v : variants) {
                double ms = once(
                        v,
                        env,
                        "startup-" + round + "-" + v.kind() + "-" + millis.size() + "-" + System.nanoTime(),
                        v.cds() ? List.of("-XX:SharedArchiveFile=" + archive(v)) : List.of());
                if (round >= 0) { // round -1 warms the OS file cache
                    millis.computeIfAbsent(v.name(), k -> new ArrayList<>()).add(ms);
                }
            }
        }
        return millis;
    }

    /**
     * {@code -Dbench.startup-only=defaults,warm-up} runs only the variants whose names contain one of
     * those words, and the plain handlers they are divided by: a quicker A/B of one setting.
     */
    private static List<Variant> chosen() {
        String only = System.getProperty("bench.startup-only", "").trim();
        if (only.isEmpty()) {
            return VARIANTS;
        }
        List<String> words = List.of(only.split(","));
        List<Variant> picked = VARIANTS.stream()
                .filter(v -> words.stream().anyMatch(v.name()::contains))
                .toList();
        return VARIANTS.stream()
                .filter(v -> picked.contains(v)
                        || picked.stream().anyMatch(p -> p.baseline().equals(v.name())))
                .toList();
    }

    private static Path archive(Variant v) {
        return Path.of("target", "startup-" + v.kind() + ".jsa").toAbsolutePath();
    }

    /**
     * The list's deployable jar, as Lambda loads it, the bench's jar (the probe and the plain handler) and
     * the variant's HTTP client jars. Jars only: class data sharing archives no classes from a folder.
     */
    private static String probeClassPath(Variant variant) throws java.io.IOException {
        List<String> path = new ArrayList<>();
        path.add(existing(
                System.getProperty("bench.function-jar", "../lists/stock-movement-alerts/target/function.jar")));
        path.add(existing(System.getProperty("bench.probe-jar", "target/listwire-bench.jar")));
        if (!variant.clients().isEmpty()) {
            try (Stream<Path> jars = Files.list(Path.of("target", "startup-clients", variant.clients()))) {
                jars.sorted().forEach(jar -> path.add(jar.toAbsolutePath().toString()));
            }
        }
        return String.join(java.io.File.pathSeparator, path);
    }

    private static String existing(String file) {
        Path path = Path.of(file).toAbsolutePath();
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException(path + " is missing: build it with mvn -pl bench -am verify -Pbench");
        }
        return path.toString();
    }

    private static double once(Variant variant, Map<String, String> env, String eventId, List<String> cds)
            throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-XX:+UseSerialGC");
        command.addAll(cds);
        command.addAll(variant.jvmOptions());
        // Extra options for every probe JVM, to look inside a start-up (class loading logs, a profiler).
        String extra = System.getProperty("bench.probe-options", "").trim();
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.split("\\s+")));
        }
        command.addAll(List.of("-cp", probeClassPath(variant), StartupProbe.class.getName(), variant.kind(), eventId));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(env);
        long start = System.nanoTime();
        Process process = builder.start();
        StringBuilder output = new StringBuilder();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                if ((line.startsWith("stage ") || line.contains("\"event-finished\""))
                        && Boolean.getBoolean("bench.startup-stages")) {
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
