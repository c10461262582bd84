package dev.listwire.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A list added under lists/ (as the archetype adds one) is deployed and tested with no edit: the root
 * module's fileset pattern finds its manifest, and every per-list test draws its lists from that pattern.
 */
class NewListTest {

    private static final String NEW_MANIFEST = """
            {"name":"price-targets","title":"Price targets","description":"When a price target is hit.",
             "from":{"address":"alerts@listwire.dev","name":"listwire Alerts"},"kind":"subscription",
             "tuning":{"batchSize":10,"timeoutSeconds":60,"maxReceives":5,"sendRatePerSecond":5}}
            """;

    @Test
    void aListAddedToACopyOfListsIsFoundBesideTheExistingOnes(@TempDir Path copy) throws IOException {
        List<Manifests.Manifest> existing = Manifests.all();
        for (Manifests.Manifest list : existing) {
            write(copy.resolve(list.dir()).resolve("list.json"), list.json().toString());
        }
        write(copy.resolve("price-targets/list.json"), NEW_MANIFEST);

        List<String> found =
                Manifests.in(copy).stream().map(Manifests.Manifest::name).toList();

        assertEquals(existing.size() + 1, found.size(), found.toString());
        assertEquals(true, found.contains("price-targets"), found.toString());
        assertEquals(
                60,
                Manifests.in(copy).stream()
                        .filter(m -> m.name().equals("price-targets"))
                        .findFirst()
                        .orElseThrow()
                        .timeoutSeconds());
    }

    @Test
    void aManifestCopiedIntoBuildOutputIsNotASecondList(@TempDir Path copy) throws IOException {
        write(copy.resolve("price-targets/list.json"), NEW_MANIFEST);
        write(copy.resolve("price-targets/target/classes/list.json"), NEW_MANIFEST);

        assertEquals(
                List.of("price-targets"),
                Manifests.in(copy).stream().map(Manifests.Manifest::name).toList());
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
