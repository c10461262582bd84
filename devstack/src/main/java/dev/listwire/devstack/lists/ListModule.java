package dev.listwire.devstack.lists;

import dev.listwire.common.manifest.ListManifest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One list as the devstack and the command line see it: its folder under {@code lists/}, its manifest,
 * the Lambda artifact {@code mvn package} writes, and the optional demo files next to the manifest.
 */
public record ListModule(Path directory, ListManifest manifest) {

    public String name() {
        return manifest.name();
    }

    /** {@code target/function.jar}: the same artifact Terraform deploys. */
    public Path functionJar() {
        return directory.resolve("target/function.jar");
    }

    /** {@code demo/members.csv}: members the devstack seeds into a new table (CSV as {@code members import} reads it). */
    public Optional<Path> demoMembers() {
        return existing(directory.resolve("demo/members.csv"));
    }

    /** {@code demo/event.json}: the example event the banner offers to send. */
    public Optional<Path> demoEvent() {
        return existing(directory.resolve("demo/event.json"));
    }

    private static Optional<Path> existing(Path file) {
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }
}
