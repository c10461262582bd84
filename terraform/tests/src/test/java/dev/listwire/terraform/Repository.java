package dev.listwire.terraform;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the repository's parts are, found from the directory the tests run in. */
final class Repository {

    private Repository() {}

    static Path root() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("terraform/main.tf")) && Files.isDirectory(dir.resolve("lists"))) {
                return dir;
            }
        }
        throw new IllegalStateException("Run the tests inside the listwire repository (no terraform/main.tf above "
                + Path.of("").toAbsolutePath() + ")");
    }

    static Path terraform() {
        return root().resolve("terraform");
    }
}
