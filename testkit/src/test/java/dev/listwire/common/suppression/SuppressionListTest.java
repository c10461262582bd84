package dev.listwire.common.suppression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.listwire.testkit.ListFixture;
import dev.listwire.testkit.TableCalls;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The suppression list's reads and writes, on dynalite. */
class SuppressionListTest {

    private static final Instant FIRST = Instant.parse("2026-11-27T10:15:30Z");
    private static final Instant LATER = Instant.parse("2026-11-28T08:00:00Z");

    private DynamoDbClient dynamoDb;
    private String table;
    private SuppressionConfiguration configuration;

    @BeforeEach
    void setUp() {
        ListFixture fixture = ListFixture.forManifest("classpath:fixture-list.json");
        dynamoDb = fixture.stack().dynamoDb();
        table = fixture.suppressionTable();
        configuration = new SuppressionConfiguration(table);
    }

    @Test
    void suppressingAgainKeepsFirstSeenCountsAndTakesTheLatestCause() {
        at(FIRST).suppress("Ada@Example.com", SuppressionCause.refused("550 5.1.1 user unknown", "prices", "e-1"));
        at(LATER).suppress("ada@example.com", SuppressionCause.refused("550 5.1.1\r\nno such user", "digest", "e-9"));

        Map<String, AttributeValue> item = item("ada@example.com");
        assertEquals("smtp-refused", item.get("reason").s());
        assertEquals("550 5.1.1 no such user", item.get("reply").s(), "the reply on one line");
        assertEquals(FIRST.toString(), item.get("firstSeen").s());
        assertEquals(LATER.toString(), item.get("lastSeen").s());
        assertEquals("digest", item.get("sourceList").s());
        assertEquals("e-9", item.get("sourceEvent").s());
        assertEquals("2", item.get("count").n());
    }

    @Test
    void aManualEntryAfterARefusalNamesNoListOrEvent() {
        at(FIRST).suppress("ada@example.com", SuppressionCause.refused("550 5.1.1", "prices", "e-1"));
        at(LATER).suppress("ada@example.com", SuppressionCause.manual(SuppressionReason.MANUAL, "asked by phone"));

        Suppression entry = new SuppressionList(dynamoDb, configuration)
                .page(Optional.empty(), 10)
                .entries()
                .get(0);
        assertEquals(SuppressionReason.MANUAL, entry.cause().reason());
        assertEquals("asked by phone", entry.cause().reply());
        assertEquals(Optional.empty(), entry.cause().list());
        assertEquals(Optional.empty(), entry.cause().event());
        assertEquals(FIRST, entry.firstSeen());
        assertEquals(2, entry.count());
    }

    @Test
    void removeSaysWhetherTheAddressWasOnTheList() {
        SuppressionList list = new SuppressionList(dynamoDb, configuration);
        list.suppress("ada@example.com", SuppressionCause.manual(SuppressionReason.MANUAL, "test"));

        assertTrue(list.remove("ADA@example.com"));
        assertFalse(list.remove("ada@example.com"));
        assertTrue(item("ada@example.com").isEmpty());
    }

    @Test
    void pagesGoThroughEveryEntry() {
        SuppressionList list = new SuppressionList(dynamoDb, configuration);
        IntStream.range(0, 7)
                .forEach(i -> list.suppress(
                        "m" + i + "@example.com", SuppressionCause.manual(SuppressionReason.BOUNCE, "x")));

        List<String> seen = new ArrayList<>();
        Optional<String> after = Optional.empty();
        do {
            SuppressionList.Page page = list.page(after, 3);
            page.entries().forEach(e -> seen.add(e.email()));
            after = page.next();
        } while (after.isPresent());

        assertEquals(7, seen.size());
        assertEquals(7, Set.copyOf(seen).size());
    }

    @Test
    void readsAHundredAddressesACallAndAnswersInTheCaseAsked() {
        SuppressionList list = new SuppressionList(dynamoDb, configuration);
        list.suppress("m7@example.com", SuppressionCause.manual(SuppressionReason.MANUAL, "x"));
        list.suppress("m201@example.com", SuppressionCause.manual(SuppressionReason.MANUAL, "x"));
        List<String> asked = new ArrayList<>(
                IntStream.range(0, 250).mapToObj(i -> "m" + i + "@example.com").toList());
        asked.set(7, "M7@Example.com");
        asked.add("m201@example.com"); // twice: BatchGetItem would refuse a key named twice

        Set<String> found = new SuppressedAddresses(dynamoDb, configuration).among(asked);

        assertEquals(Set.of("M7@Example.com", "m201@example.com"), found);
        assertEquals(3, TableCalls.count(table, "BatchGetItem"), "250 addresses: three calls of at most 100 keys");
    }

    @Test
    void aMissingTableIsAnErrorNotAnEmptyAnswer() {
        SuppressedAddresses missing =
                new SuppressedAddresses(dynamoDb, new SuppressionConfiguration(table + "-missing"));

        org.junit.jupiter.api.Assertions.assertThrows(
                RuntimeException.class, () -> missing.among(List.of("ada@example.com")));
    }

    private SuppressionList at(Instant now) {
        return new SuppressionList(dynamoDb, configuration, Clock.fixed(now, ZoneOffset.UTC));
    }

    private Map<String, AttributeValue> item(String email) {
        return dynamoDb.getItem(b -> b.tableName(table)
                        .key(Map.of("email", AttributeValue.fromS(email)))
                        .consistentRead(true))
                .item();
    }
}
