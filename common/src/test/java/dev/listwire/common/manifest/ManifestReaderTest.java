package dev.listwire.common.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.json.JsonMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ManifestReaderTest {

    private final ManifestReader reader = new ManifestReader(JsonMapper.createDefault());

    @Test
    void readsAManifest() {
        ListManifest m = read("""
                {"name":"price-targets","title":"Price targets","description":"When a target is hit.",
                 "from":{"address":"alerts@example.com","name":"Alerts"},"kind":"transactional",
                 "tuning":{"batchSize":5,"timeoutSeconds":300,"maxReceives":5,"sendRatePerSecond":10}}""");

        assertEquals("price-targets", m.name());
        assertEquals(ListKind.TRANSACTIONAL, m.kind());
        assertEquals(300, m.tuning().timeoutSeconds());
        assertEquals(null, m.tuning().maxConcurrency());
    }

    @Test
    void readsAnOptionalMaximumConcurrency() {
        ListManifest m = read("""
                {"name":"price-targets","title":"Price targets","description":"","from":{"address":"a@example.com"},
                 "kind":"subscription","tuning":{"batchSize":5,"timeoutSeconds":300,"maxReceives":5,
                 "sendRatePerSecond":10,"maxConcurrency":4}}""");

        assertEquals(4, m.tuning().maxConcurrency());
    }

    @Test
    void refusesAMaximumConcurrencyBelowWhatSqsAccepts() {
        InvalidManifestException e = assertThrows(InvalidManifestException.class, () -> read("""
                {"name":"price-targets","title":"Price targets","description":"","from":{"address":"a@example.com"},
                 "kind":"subscription","tuning":{"batchSize":5,"timeoutSeconds":300,"maxReceives":5,
                 "sendRatePerSecond":10,"maxConcurrency":1}}"""));

        assertTrue(e.getMessage().contains("tuning.maxConcurrency must be 2..1000"), e.getMessage());
    }

    @Test
    void namesEveryProblemOfABadManifest() {
        InvalidManifestException e = assertThrows(InvalidManifestException.class, () -> read("""
                {"name":"Bad_Name","title":"","description":"x","from":{"address":"nobody"},"kind":"subscription",
                 "tuning":{"batchSize":0,"timeoutSeconds":901,"maxReceives":0,"sendRatePerSecond":0}}"""));

        for (String problem : new String[] {
            "name must match",
            "title is required",
            "from.address",
            "tuning.batchSize",
            "tuning.timeoutSeconds",
            "tuning.maxReceives",
            "tuning.sendRatePerSecond"
        }) {
            assertTrue(e.getMessage().contains(problem), problem + " in " + e.getMessage());
        }
    }

    @Test
    void refusesAnUnknownKind() {
        InvalidManifestException e = assertThrows(InvalidManifestException.class, () -> read("""
                {"name":"prices","title":"P","description":"","from":{"address":"a@example.com","name":"A"},
                 "kind":"newsletter","tuning":{"batchSize":1,"timeoutSeconds":60,"maxReceives":5,"sendRatePerSecond":1}}"""));

        assertTrue(e.getMessage().contains("kind"), e.getMessage());
    }

    private ListManifest read(String json) {
        return reader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "list.json");
    }
}
