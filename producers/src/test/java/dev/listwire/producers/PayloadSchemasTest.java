package dev.listwire.producers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.listwire.devstack.TestDevstack;
import dev.listwire.devstack.lists.ListDirectory;
import dev.listwire.devstack.lists.ListModule;
import dev.listwire.devstack.payload.PayloadCheck;
import dev.listwire.devstack.payload.PayloadSchemas;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The schemas in producers/schemas are the ones generated from the Java payload records, and they judge as the records do. */
class PayloadSchemasTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ListDirectory LISTS = new ListDirectory(TestDevstack.ROOT.resolve("lists"));

    @Test
    void eachExampleListsSchemaIsTheOneItsPayloadRecordGenerates() throws Exception {
        for (String name : List.of("dcf-engine-results", "stock-movement-alerts")) {
            Path committed = TestDevstack.ROOT.resolve("producers/schemas/" + name + ".schema.json");
            String generated =
                    JSON.writerWithDefaultPrettyPrinter().writeValueAsString(PayloadSchemas.of(LISTS.named(name)));
            assertEquals(
                    generated.strip(),
                    Files.readString(committed).strip(),
                    committed + " is stale: regenerate it with ./listwire schema " + name + " > " + committed);
        }
    }

    @Test
    void everyListsExampleEventFitsItsSchema() throws Exception {
        for (ListModule list : LISTS.all()) {
            if (list.demoEvent().isPresent()) {
                List<String> problems =
                        check(list.name(), Files.readString(list.demoEvent().get()));
                assertTrue(problems.isEmpty(), list.name() + ": " + problems);
            }
        }
    }

    @Test
    void rejectsWhatThePayloadRecordsReject() {
        assertTrue(check("stock-movement-alerts", "{\"ticker\":\"\",\"price\":1,\"changePct\":2}")
                .contains("$.ticker: must be at least 1 characters long"));
        assertTrue(check("stock-movement-alerts", "{\"ticker\":\"   \",\"price\":1,\"changePct\":2}").stream()
                .anyMatch(p -> p.startsWith("$.ticker: does not match")));
        assertTrue(check("stock-movement-alerts", "{\"ticker\":\"NVDA\",\"price\":-1,\"changePct\":2}").stream()
                .anyMatch(p -> p.startsWith("$.price: must have a minimum value of 0")));
        assertTrue(check("stock-movement-alerts", "{\"ticker\":\"NVDA\",\"changePct\":2}").stream()
                .anyMatch(p -> p.contains("price") && p.contains("required")));
        assertTrue(
                check("dcf-engine-results", "{\"ticker\":\"A\",\"fairValue\":1,\"price\":1,\"reportUrl\":\"http://x\"}")
                        .stream()
                        .anyMatch(p -> p.startsWith("$.reportUrl: does not match")));
        assertEquals(
                List.of(
                        "not JSON: Unrecognized token 'nope': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')"),
                check("dcf-engine-results", "nope"));
    }

    @Test
    void acceptsNullForOptionalFieldsAndExtraFields() {
        assertEquals(
                List.of(),
                check(
                        "stock-movement-alerts",
                        "{\"ticker\":\"NVDA\",\"price\":1,\"changePct\":2,\"window\":null,\"addedLater\":true}"));
    }

    private static List<String> check(String list, String event) {
        return new PayloadCheck(PayloadSchemas.of(LISTS.named(list))).problems(event);
    }
}
