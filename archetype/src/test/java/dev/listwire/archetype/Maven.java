package dev.listwire.archetype;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code mvn} as a developer would, in a folder of a copy of the repository. Its local repository is
 * target/it-repo (listwire's own artifacts, from invoker:install) and it copies everything else from this
 * build's local repository (src/test/settings.xml), so it needs no {@code mvn install} beforehand.
 */
final class Maven {

    /** What one run printed, and how it ended. */
    record Run(List<String> command, int exitCode, String output) {

        boolean succeeded() {
            return exitCode == 0;
        }

        /** The command and the end of its output, for an assertion message. */
        String describe() {
            List<String> lines = output.lines().toList();
            return String.join(" ", command) + " exited " + exitCode + "; its last lines:\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        }
    }

    private final Path settings;

    Maven(Path work) {
        try {
            String template = Files.readString(Path.of(System.getProperty("listwire.it.settings")));
            String outerRepository =
                    Path.of(System.getProperty("listwire.local.repo")).toUri().toString();
            this.settings = Files.writeString(
                    work.resolve("settings.xml"), template.replace("@localRepositoryUrl@", outerRepository));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Run run(Path folder, String... arguments) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("maven.home"), "bin", "mvn").toString(),
                "-B",
                "-Dstyle.color=never",
                "-s",
                settings.toString(),
                "-Dmaven.repo.local=" + System.getProperty("listwire.it.repo")));
        command.addAll(List.of(arguments));
        try {
            Path log = Files.createTempFile(folder.getParent(), "mvn-", ".log");
            Process process = new ProcessBuilder(command)
                    .directory(folder.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish within 10 minutes; see " + log);
            }
            List<String> asTyped = new ArrayList<>(List.of("mvn"));
            asTyped.addAll(List.of(arguments));
            return new Run(asTyped, process.exitValue(), Files.readString(log));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
