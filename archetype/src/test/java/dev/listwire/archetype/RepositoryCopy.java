package dev.listwire.archetype;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A copy of this repository's sources, as a fresh clone has them after {@code npm ci}: every module, the
 * real lists/ with its lists, and node_modules (linked, for dynalite). Build output is left behind.
 */
final class RepositoryCopy {

    private static final Set<String> LEFT_OUT = Set.of("target", "node_modules", ".git", ".idea", ".vscode");

    private RepositoryCopy() {}

    static Path of(Path repository, Path into) {
        try {
            Files.walkFileTree(repository, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                    if (!dir.equals(repository)
                            && LEFT_OUT.contains(dir.getFileName().toString())) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    Files.createDirectories(
                            into.resolve(repository.relativize(dir).toString()));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    Files.copy(file, into.resolve(repository.relativize(file).toString()));
                    return FileVisitResult.CONTINUE;
                }
            });
            Files.createSymbolicLink(
                    into.resolve("node_modules"),
                    repository.resolve("node_modules").toAbsolutePath());
            return into;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every file below a folder with its content, to show that a refused command changed nothing. */
    static Map<String, String> contents(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            Map<String, String> contents = new TreeMap<>();
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                contents.put(folder.relativize(file).toString(), Files.readString(file));
            }
            return contents;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
