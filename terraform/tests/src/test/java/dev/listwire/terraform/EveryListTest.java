package dev.listwire.terraform;

import static dev.listwire.terraform.Module.expr;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every list under lists/ is deployed from its manifest, and its manifest's values meet the rules. The
 * lists are found with the root module's own fileset pattern, so a new list is tested without an edit.
 */
class EveryListTest {

    /** The most SQS allows for a visibility timeout: 12 hours. */
    private static final int SQS_MAX_VISIBILITY = 43_200;

    static List<Manifests.Manifest> lists() {
        return Manifests.all();
    }

    @Test
    void theRootModuleDeploysOneListModulePerManifest() {
        Module root = Module.root();
        JsonNode call = root.moduleCall("list");

        assertEquals("./modules/list", call.path("source").asText());
        assertEquals("local.lists", expr(call.path("for_each")));
        assertEquals("${path.module}/../lists", expr(root.local("lists_dir")));
        String lists = expr(root.local("lists"));
        assertTrue(lists.startsWith("{ for dir, manifest in local.manifests : manifest.name => {"), lists);
        String manifests = expr(root.local("manifests"));
        assertTrue(manifests.contains("dirname(file) => jsondecode(file(\"${local.lists_dir}/${file}\"))"), manifests);
    }

    @Test
    void theManifestsFoundAreExactlyTheListModulesMavenBuilds() throws IOException {
        String pom = Files.readString(Repository.root().resolve("lists/pom.xml"));
        Matcher module = Pattern.compile("<module>([^<]+)</module>").matcher(pom);
        List<String> built = module.results().map(m -> m.group(1)).sorted().toList();

        assertFalse(built.isEmpty());
        assertEquals(
                built,
                lists().stream().map(Manifests.Manifest::dir).toList(),
                "fileset(\"" + Manifests.pattern() + "\") must find one list.json per list module");
    }

    @Test
    void eachListsSettingsComeFromItsManifest() {
        JsonNode call = Module.root().moduleCall("list");
        Map<String, String> wiring = Map.of(
                "batch_size", "each.value.batch_size",
                "timeout_seconds", "each.value.timeout_seconds",
                "max_receives", "each.value.max_receives",
                "max_concurrency", "each.value.max_concurrency",
                "handler", "each.value.handler",
                "source_dir", "each.value.source_dir",
                "name", "each.key");
        wiring.forEach((input, value) -> assertEquals(value, expr(call.path(input)), "module.list." + input));
        String lists = expr(Module.root().local("lists"));
        for (String read : List.of(
                "batch_size = manifest.tuning.batchSize",
                "timeout_seconds = manifest.tuning.timeoutSeconds",
                "max_receives = try(manifest.tuning.maxReceives, 5)",
                "max_concurrency = try(manifest.tuning.maxConcurrency, 2)")) {
            assertTrue(lists.contains(read), "local.lists lacks " + read);
        }
    }

    @ParameterizedTest
    @MethodSource("lists")
    void theListsDirectoryIsNamedAfterIt(Manifests.Manifest list) {
        assertEquals(list.dir(), list.name(), "lists/" + list.dir() + "/list.json");
    }

    @ParameterizedTest
    @MethodSource("lists")
    void theHandlerTheRootModuleDerivesIsTheListsFunctionClass(Manifests.Manifest list) {
        String handler = Expressions.handler(list.name());
        Path source = Repository.root()
                .resolve("lists/" + list.dir() + "/src/main/java/" + handler.replace('.', '/') + ".java");

        assertTrue(Files.isRegularFile(source), "no handler class " + handler + " at " + source);
        assertTrue(
                expr(Module.root().local("lists"))
                        .contains(
                                "handler = \"dev.listwire.lists.${replace(manifest.name, \"-\", \"\")}.${join(\"\", [for word in split(\"-\", manifest.name) : title(word)])}Function\""));
    }

    @ParameterizedTest
    @MethodSource("lists")
    void theQueueStaysInvisibleForSixFunctionTimeoutsWithinWhatSqsAllows(Manifests.Manifest list) {
        int visibility = Expressions.timeoutFactor(Module.list()) * list.timeoutSeconds();

        assertTrue(visibility >= 6 * list.timeoutSeconds());
        assertTrue(visibility <= SQS_MAX_VISIBILITY, list + ": visibility " + visibility + " s is over SQS's 12 hours");
    }

    @ParameterizedTest
    @MethodSource("lists")
    void theManifestsTuningIsWithinWhatAwsAccepts(Manifests.Manifest list) {
        int minimum =
                Module.root().variable("minimum_max_receives").path("default").asInt();

        assertTrue(list.maxReceives() >= minimum, list + ": maxReceives " + list.maxReceives() + " < " + minimum);
        assertTrue(list.maxConcurrency() >= 2 && list.maxConcurrency() <= 1000, list + ": maxConcurrency");
        assertTrue(list.batchSize() >= 1 && list.batchSize() <= 10_000, list + ": batchSize");
        assertTrue(list.timeoutSeconds() >= 1 && list.timeoutSeconds() <= 900, list + ": timeoutSeconds");
    }

    @ParameterizedTest
    @MethodSource("lists")
    void theListsArtifactIsWhereMavenWritesIt(Manifests.Manifest list) throws IOException {
        String pom = Files.readString(Repository.root().resolve("lists/pom.xml"));

        assertTrue(
                pom.contains("<outputFile>${project.build.directory}/function.jar</outputFile>"),
                "lists/pom.xml no longer writes target/function.jar, which modules/list deploys");
        assertTrue(Files.isRegularFile(Repository.root().resolve("lists/" + list.dir() + "/pom.xml")));
    }
}
