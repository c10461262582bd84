package dev.listwire.subscriptions;

import dev.listwire.common.manifest.InvalidManifestException;
import dev.listwire.common.manifest.ListKind;
import dev.listwire.common.manifest.ListManifest;
import dev.listwire.common.manifest.ManifestReader;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Every list a member can see in the preference center, from the lists' own manifests: those bundled
 * into this jar at build time ({@code listwire-lists/index} names them), or those in
 * {@code listwire.subscriptions.manifests-dir}. Read once, at start-up
 * ({@link StartupCheck}); a bad manifest stops the start there.
 */
@Singleton
public final class ListCatalogue {

    static final String BUNDLED = "listwire-lists/";

    /** A list as the preference center knows it: its manifest and the table that holds its members. */
    public record Entry(ListManifest manifest, String table) {
        public String name() {
            return manifest.name();
        }

        /** Only a list of kind {@code subscription} can be joined or left here. */
        public boolean canLeave() {
            return manifest.kind() == ListKind.SUBSCRIPTION;
        }
    }

    private final List<Entry> lists;

    ListCatalogue(ManifestReader reader, SubscriptionsConfiguration configuration) {
        List<ListManifest> manifests = configuration.manifestsDir() == null
                        || configuration.manifestsDir().isBlank()
                ? bundled(reader)
                : fromFolder(reader, Path.of(configuration.manifestsDir()));
        if (manifests.isEmpty()) {
            throw new InvalidManifestException(
                    "No list manifests found ("
                            + (configuration.manifestsDir() == null
                                    ? "none bundled under " + BUNDLED
                                    : "none in " + configuration.manifestsDir())
                            + ")",
                    null);
        }
        this.lists = manifests.stream()
                .map(m -> new Entry(m, configuration.table(m.name())))
                .sorted(Comparator.comparing((Entry e) -> !e.canLeave())
                        .thenComparing(e -> e.manifest().title(), String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    /** Every list, in the order the preference center shows them: the ones a member chooses first, by title. */
    public List<Entry> all() {
        return lists;
    }

    public Optional<Entry> find(String name) {
        return lists.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    /*
     * Read with the class loader itself: under Lambda's Java runtime Micronaut's resource resolver finds
     * nothing at the class path root (see ManifestFactory in common).
     */
    private static List<ListManifest> bundled(ManifestReader reader) {
        ClassLoader loader = ListCatalogue.class.getClassLoader();
        List<ListManifest> manifests = new ArrayList<>();
        for (String name : read(loader, BUNDLED + "index").split("\\R")) {
            if (!name.isBlank()) {
                String path = BUNDLED + name.strip() + "/list.json";
                try (InputStream in = loader.getResourceAsStream(path)) {
                    if (in == null) {
                        throw new InvalidManifestException(
                                BUNDLED + "index names " + name + " but " + path + " is missing", null);
                    }
                    manifests.add(reader.read(in, "classpath:" + path));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return manifests;
    }

    private static List<ListManifest> fromFolder(ManifestReader reader, Path folder) {
        try (Stream<Path> children = Files.list(folder)) {
            List<ListManifest> manifests = new ArrayList<>();
            for (Path file : children.map(c -> c.resolve("list.json"))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    manifests.add(reader.read(in, file.toString()));
                }
            }
            return manifests;
        } catch (IOException e) {
            throw new InvalidManifestException("Cannot read list manifests from " + folder + ": " + e, e);
        }
    }

    private static String read(ClassLoader loader, String path) {
        try (InputStream in = loader.getResourceAsStream(path)) {
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
