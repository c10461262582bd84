package dev.listwire.devstack.lists;

import dev.listwire.common.manifest.InvalidManifestException;
import dev.listwire.common.manifest.ManifestReader;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Every list under {@code lists/}, found by its {@code list.json}: a list added by the archetype is
 * picked up with no edit anywhere else.
 */
public final class ListDirectory {

    private static final ManifestReader MANIFESTS = new ManifestReader(JsonMapper.createDefault());
    private final Path root;

    public ListDirectory(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    public List<ListModule> all() {
        if (!Files.isDirectory(root)) {
            throw new IllegalStateException(
                    "No lists folder at " + root + " (run ./listwire from the repository root)");
        }
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(dir -> Files.isRegularFile(dir.resolve("list.json")))
                    .sorted()
                    .map(ListDirectory::read)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ListModule named(String name) {
        return all().stream()
                .filter(list -> list.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No list named '" + name + "' under " + root
                        + "; the lists are: "
                        + String.join(", ", all().stream().map(ListModule::name).toList())));
    }

    private static ListModule read(Path dir) {
        Path manifest = dir.resolve("list.json");
        try (InputStream in = Files.newInputStream(manifest)) {
            return new ListModule(dir, MANIFESTS.read(in, manifest.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + manifest, e);
        } catch (InvalidManifestException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
