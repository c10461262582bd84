package dev.listwire.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The list manifests the root module deploys, found the way it finds them: its own
 * {@code fileset(local.lists_dir, "<pattern>")} pattern, read from main.tf, applied to the lists directory.
 * So a list the archetype adds is covered by every test without editing one.
 */
final class Manifests {

    /** One list: its directory under lists/ and its list.json. */
    record Manifest(String dir, JsonNode json) {
        String name() {
            return json.path("name").asText();
        }

        int timeoutSeconds() {
            return json.path("tuning").path("timeoutSeconds").asInt();
        }

        int batchSize() {
            return json.path("tuning").path("batchSize").asInt();
        }

        /** As the root module reads it: try(manifest.tuning.maxReceives, 5). */
        int maxReceives() {
            return json.path("tuning").path("maxReceives").asInt(5);
        }

        /** As the root module reads it: try(manifest.tuning.maxConcurrency, 2). */
        int maxConcurrency() {
            return json.path("tuning").path("maxConcurrency").asInt(2);
        }

        @Override
        public String toString() {
            return dir;
        }
    }

    private static final Pattern FILESET = Pattern.compile("fileset\\(local\\.lists_dir, \"([^\"]+)\"\\)");

    private Manifests() {}

    /** The glob the root module gives fileset(), for example "*&#47;list.json". */
    static String pattern() {
        Matcher m = FILESET.matcher(Module.expr(Module.root().local("manifests")));
        if (!m.find()) {
            throw new AssertionError("local.manifests does not read fileset(local.lists_dir, \"...\"): "
                    + Module.expr(Module.root().local("manifests")));
        }
        return m.group(1);
    }

    /** The lists in the repository's lists/ directory. */
    static List<Manifest> all() {
        return in(Repository.root().resolve("lists"));
    }

    /** The lists a root module whose lists_dir is {@code listsDir} would deploy. */
    static List<Manifest> in(Path listsDir) {
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern());
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> files = Files.walk(listsDir, 4)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> matcher.matches(listsDir.relativize(file)))
                    .sorted()
                    .map(file ->
                            new Manifest(listsDir.relativize(file).getParent().toString(), read(json, file)))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(ObjectMapper json, Path file) {
        try {
            return json.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
