package dev.listwire.subscriptions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.listwire.common.manifest.InvalidManifestException;
import dev.listwire.common.manifest.ManifestReader;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ListCatalogueTest {

    private final ManifestReader reader = new ManifestReader(JsonMapper.createDefault());

    @Test
    void bundlesEveryListOfTheRepositoryFromItsOwnManifest() throws IOException {
        ListCatalogue catalogue = new ListCatalogue(reader, configuration(null, Map.of()));

        List<String> inRepository;
        try (var lists = Files.list(Path.of("..", "lists"))) {
            inRepository = lists.filter(d -> Files.isRegularFile(d.resolve("list.json")))
                    .map(d -> d.getFileName().toString())
                    .sorted()
                    .toList();
        }
        assertEquals(
                inRepository,
                catalogue.all().stream().map(ListCatalogue.Entry::name).sorted().toList());
        ListCatalogue.Entry alerts = catalogue.find("stock-movement-alerts").orElseThrow();
        assertEquals("Stock movement alerts", alerts.manifest().title());
        assertEquals("stock-movement-alerts", alerts.table(), "a list's table is named as the list");
        assertTrue(alerts.canLeave());
    }

    @Test
    void readsAFolderOfManifestsListsMembersChooseFirstAndTablesWhereConfigured() {
        ListCatalogue catalogue = new ListCatalogue(
                reader, configuration(SubscriptionsApp.testLists().toString(), Map.of("weekly-digest", "digest-prod")));

        assertEquals(
                List.of("Price alerts", "Weekly digest", "Account notices"),
                catalogue.all().stream().map(e -> e.manifest().title()).toList());
        assertEquals(
                "digest-prod", catalogue.find("weekly-digest").orElseThrow().table());
        assertFalse(catalogue.find("account-notices").orElseThrow().canLeave(), "transactional");
        assertTrue(catalogue.find("nope").isEmpty());
    }

    @Test
    void aBadManifestStopsTheStartNamingTheFileAndTheRule() throws IOException {
        Path folder = Files.createTempDirectory("lists-");
        Files.createDirectories(folder.resolve("broken"));
        Files.writeString(folder.resolve("broken/list.json"), "{\"name\":\"Broken List\",\"title\":\"\"}");

        InvalidManifestException e = assertThrows(
                InvalidManifestException.class,
                () -> new ListCatalogue(reader, configuration(folder.toString(), Map.of())));

        assertTrue(e.getMessage().contains("broken/list.json"), e.getMessage());
        assertTrue(e.getMessage().contains("title is required"), e.getMessage());
    }

    @Test
    void anEmptyFolderIsAMistakeNotAnEmptyPreferenceCenter() throws IOException {
        Path folder = Files.createTempDirectory("lists-");

        InvalidManifestException e = assertThrows(
                InvalidManifestException.class,
                () -> new ListCatalogue(reader, configuration(folder.toString(), Map.of())));

        assertTrue(e.getMessage().contains("No list manifests found"));
    }

    @Test
    void aServerWithoutListsDoesNotStart() throws IOException {
        String empty = Files.createTempDirectory("lists-").toString();

        Exception e = assertThrows(
                Exception.class,
                () -> new SubscriptionsApp(Map.of("listwire.subscriptions.manifests-dir", empty)).close());

        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        assertTrue(root.getMessage().contains("No list manifests found"), root.toString());
    }

    private static SubscriptionsConfiguration configuration(String folder, Map<String, String> tables) {
        return new SubscriptionsConfiguration(folder, tables, 3, "preferences@listwire.test", "listwire");
    }
}
