package dev.listwire.bench;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Command lines for the benchmark's other JVMs: the sinks, the function's own JVM and the composing loop's. */
final class Jvm {

    /**
     * What Lambda's Java 17 and 21 runtimes set by default (C1 only, the serial collector; Lambda's "Customize
     * Java runtime startup behavior" page), for the JVMs whose CPU per email is compared and the function's
     * own, so that all compile and collect alike. Without the collector named, a JVM on this machine (2
     * cores, over 2 GB) would pick G1, whose concurrent threads Lambda's does not run.
     */
    static final List<String> LAMBDA_LIKE =
            List.of(System.getProperty("bench.jit", "-XX:TieredStopAtLevel=1"), "-XX:+UseSerialGC", "-Xmx512m");

    private Jvm() {}

    /** {@code main} on this JVM's own class path (the bench module's runtime class path). */
    static List<String> command(List<String> options, String main, String... args) {
        return onClassPath(options, System.getProperty("java.class.path"), main, args);
    }

    static List<String> onClassPath(List<String> options, String classPath, String main, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(options);
        command.addAll(List.of("-cp", classPath, main));
        command.addAll(List.of(args));
        return command;
    }

    /**
     * What Lambda loads (the list's {@code function.jar}) and the bench's own jar (the worker that feeds it
     * from the queue): the function's JVM holds nothing else.
     */
    static String functionClassPath() {
        return existing(System.getProperty("bench.function-jar", "../lists/stock-movement-alerts/target/function.jar"))
                + File.pathSeparator
                + existing(System.getProperty("bench.probe-jar", "target/listwire-bench.jar"));
    }

    static String existing(String file) {
        Path path = Path.of(file).toAbsolutePath();
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException(path + " is missing: build it with mvn -pl bench -am verify -Pbench");
        }
        return path.toString();
    }
}
