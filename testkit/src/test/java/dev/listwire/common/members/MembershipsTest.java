package dev.listwire.common.members;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.listwire.testkit.ListFixture;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class MembershipsTest {

    private static final Instant LEFT = Instant.parse("2026-11-27T10:15:30Z");
    private static final Instant LATER = Instant.parse("2026-11-28T08:00:00Z");

    private ListFixture list;
    private DynamoDbClient dynamoDb;
    private String table;

    @BeforeEach
    void setUp() {
        list = ListFixture.forManifest("classpath:fixture-list.json");
        dynamoDb = list.stack().dynamoDb();
        table = list.members().table();
    }

    @Test
    void leavingMarksTheItemAndKeepsTheMembersOtherAttributes() {
        list.members().following("ada@example.com", List.of("NVDA"));

        assertEquals(Memberships.Change.CHANGED, at(LEFT).leave(table, "ada@example.com"));

        Map<String, AttributeValue> item = item("ada@example.com");
        assertEquals("unsubscribed", item.get("status").s());
        assertEquals("2026-11-27T10:15:30Z", item.get("unsubscribedAt").s());
        assertEquals(List.of("NVDA"), item.get("tickers").ss());
        assertTrue(AttributeValues.toMember(item).isUnsubscribed(), "the sends read the same mark");
    }

    @Test
    void leavingTwiceKeepsTheFirstTimestamp() {
        list.members().add("ada@example.com");
        at(LEFT).leave(table, "ada@example.com");

        assertEquals(Memberships.Change.ALREADY_SO, at(LATER).leave(table, "ada@example.com"));

        assertEquals(
                "2026-11-27T10:15:30Z",
                item("ada@example.com").get("unsubscribedAt").s());
    }

    @Test
    void leavingAListTheAddressIsNotOnWritesNothing() {
        assertEquals(Memberships.Change.ALREADY_SO, at(LEFT).leave(table, "stranger@example.com"));

        assertTrue(item("stranger@example.com").isEmpty());
    }

    @Test
    void joiningAfterLeavingBringsTheMemberBackWithTheirData() {
        list.members().following("ada@example.com", List.of("NVDA"));
        at(LEFT).leave(table, "ada@example.com");

        assertEquals(Memberships.Change.CHANGED, at(LATER).join(table, "ada@example.com"));

        Map<String, AttributeValue> item = item("ada@example.com");
        assertFalse(item.containsKey("status"));
        assertEquals("2026-11-28T08:00:00Z", item.get("subscribedAt").s());
        assertEquals("2026-11-27T10:15:30Z", item.get("unsubscribedAt").s(), "the last leave stays on record");
        assertEquals(List.of("NVDA"), item.get("tickers").ss());
    }

    @Test
    void joiningAddsANewMemberAndJoiningAgainChangesNothing() {
        assertEquals(Memberships.Change.CHANGED, at(LEFT).join(table, "new@example.com"));
        assertEquals(Memberships.Change.ALREADY_SO, at(LATER).join(table, "new@example.com"));

        assertEquals(
                "2026-11-27T10:15:30Z",
                item("new@example.com").get("subscribedAt").s());
    }

    @Test
    void findsTheAddressInEveryTableInOneRead() {
        ListFixture other = ListFixture.forManifest("classpath:fixture-list.json");
        ListFixture third = ListFixture.forManifest("classpath:fixture-list.json");
        list.members().add("ada@example.com");
        other.members().unsubscribed("ada@example.com");

        Map<String, Optional<Member>> found = new Memberships(dynamoDb)
                .find(List.of(table, other.members().table(), third.members().table()), "ada@example.com");

        assertFalse(found.get(table).orElseThrow().isUnsubscribed());
        assertTrue(found.get(other.members().table()).orElseThrow().isUnsubscribed());
        assertTrue(found.get(third.members().table()).isEmpty());
    }

    private Memberships at(Instant now) {
        return new Memberships(dynamoDb, Clock.fixed(now, ZoneOffset.UTC));
    }

    private Map<String, AttributeValue> item(String email) {
        return dynamoDb.getItem(b -> b.tableName(table)
                        .key(Map.of("email", AttributeValue.fromS(email)))
                        .consistentRead(true))
                .item();
    }
}
