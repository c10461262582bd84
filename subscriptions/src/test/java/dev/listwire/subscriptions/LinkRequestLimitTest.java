package dev.listwire.subscriptions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.listwire.subscriptions.LinkRequestLimit.Scope;
import dev.listwire.testkit.ListFixture;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class LinkRequestLimitTest {

    private static final Instant AT_1005 = Instant.parse("2026-11-27T10:05:00Z");
    private static final Instant AT_1059 = Instant.parse("2026-11-27T10:59:59Z");
    private static final Instant AT_1100 = Instant.parse("2026-11-27T11:00:00Z");

    private final ListFixture fixture = ListFixture.forManifest("classpath:test-lists/price-alerts/list.json");
    private final LinkRequestLimit counts = new LinkRequestLimit(fixture.stack().dynamoDb(), fixture.ledgerTable());

    @Test
    void allowsTheLimitInAnHourThenRefusesUntilTheNextHour() {
        assertTrue(counts.tryAcquire(Scope.ADDRESS, "ada@example.com", 2, AT_1005));
        assertTrue(counts.tryAcquire(Scope.ADDRESS, "ada@example.com", 2, AT_1005));
        assertFalse(counts.tryAcquire(Scope.ADDRESS, "ada@example.com", 2, AT_1059));
        assertTrue(counts.tryAcquire(Scope.ADDRESS, "eve@example.com", 2, AT_1005), "each address has its own count");
        assertTrue(counts.tryAcquire(Scope.ADDRESS, "ada@example.com", 2, AT_1100));
    }

    @Test
    void eachScopeCountsOnItsOwn() {
        assertTrue(counts.tryAcquire(Scope.ADDRESS, "203.0.113.7", 1, AT_1005));
        assertFalse(counts.tryAcquire(Scope.ADDRESS, "203.0.113.7", 1, AT_1005));

        assertTrue(counts.tryAcquire(Scope.CLIENT, "203.0.113.7", 1, AT_1005), "a client is not an address");
        assertTrue(counts.tryAcquire(Scope.ALL, "203.0.113.7", 1, AT_1005));
    }

    @Test
    void aRequestGivenBackFreesItsPlaceInTheHourItWasCountedIn() {
        assertTrue(counts.tryAcquire(Scope.ALL, "ALL", 1, AT_1005));
        assertFalse(counts.tryAcquire(Scope.ALL, "ALL", 1, AT_1059));

        counts.giveBack(Scope.ALL, "ALL", AT_1005);
        counts.giveBack(Scope.ALL, "ALL", AT_1005);

        assertEquals(
                "0",
                item("rate-limit#preferences-link#all#2026-11-27T10:00:00Z", "ALL")
                        .get("requests")
                        .n());
        assertTrue(counts.tryAcquire(Scope.ALL, "ALL", 1, AT_1059));
        assertFalse(counts.tryAcquire(Scope.ALL, "ALL", 1, AT_1059), "never below zero: one place, not two");
    }

    @Test
    void countersLiveInTheLedgerTableUnderTheirOwnKeyAndExpire() {
        counts.tryAcquire(Scope.ADDRESS, "ada@example.com", 2, AT_1005);
        counts.tryAcquire(Scope.CLIENT, "203.0.113.7", 2, AT_1005);

        Map<String, AttributeValue> item = item("rate-limit#preferences-link#2026-11-27T10:00:00Z", "ada@example.com");
        assertEquals("1", item.get("requests").n());
        assertEquals(
                Long.toString(Instant.parse("2026-11-27T12:00:00Z").getEpochSecond()),
                item.get("expiresAt").n());
        assertEquals(
                "1",
                item("rate-limit#preferences-link#ip#2026-11-27T10:00:00Z", "203.0.113.7")
                        .get("requests")
                        .n());
    }

    private Map<String, AttributeValue> item(String event, String email) {
        return fixture.stack()
                .dynamoDb()
                .getItem(b -> b.tableName(fixture.ledgerTable())
                        .key(Map.of("event", AttributeValue.fromS(event), "email", AttributeValue.fromS(email)))
                        .consistentRead(true))
                .item();
    }
}
