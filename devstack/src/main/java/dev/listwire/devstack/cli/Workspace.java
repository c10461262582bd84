package dev.listwire.devstack.cli;

import dev.listwire.devstack.lists.ListDirectory;
import java.nio.file.Path;

/** Where the repository is: {@code ./listwire} passes it as {@code -Dlistwire.root}; otherwise the working directory. */
final class Workspace {

    private Workspace() {}

    static Path root() {
        return Path.of(System.getProperty("listwire.root", "")).toAbsolutePath().normalize();
    }

    static ListDirectory lists() {
        return new ListDirectory(root().resolve("lists"));
    }
}
