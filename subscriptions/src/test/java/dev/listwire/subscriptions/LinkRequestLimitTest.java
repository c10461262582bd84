package dev.listwire.subscriptions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.listwire.testkit.ListFixture;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class LinkRequestLimitTest {

    private final ListFixture fixture = ListFixture.forManifest("classpath:test-lists/price-alerts/list.json");

    @Test
    void allowsTheLimitInAnHourThenRefusesUntilTheNextHour() {
        LinkRequestLimit at1005 = at("2026-11-27T10:05:00Z");
        LinkRequestLimit at1059 = at("2026-11-27T10:59:59Z");
        LinkRequestLimit at1100 = at("2026-11-27T11:00:00Z");

        assertTrue(at1005.tryAcquire("ada@example.com"));
        assertTrue(at1005.tryAcquire("ada@example.com"));
        assertFalse(at1059.tryAcquire("ada@example.com"));
        assertTrue(at1005.tryAcquire("eve@example.com"), "each address has its own count");
        assertTrue(at1100.tryAcquire("ada@example.com"));
    }

    @Test
    void countersLiveInTheLedgerTableUnderTheirOwnKeyAndExpire() {
        at("2026-11-27T10:05:00Z").tryAcquire("ada@example.com");

        Map<String, AttributeValue> item = fixture.stack()
                .dynamoDb()
                .getItem(b -> b.tableName(fixture.ledgerTable())
                        .key(Map.of(
                                "event",
                                AttributeValue.fromS("rate-limit#preferences-link#2026-11-27T10:00:00Z"),
                                "email",
                                AttributeValue.fromS("ada@example.com"))))
                .item();

        assertEquals("1", item.get("requests").n());
        assertEquals(
                Long.toString(Instant.parse("2026-11-27T12:00:00Z").getEpochSecond()),
                item.get("expiresAt").n());
    }

    private LinkRequestLimit at(String now) {
        return new LinkRequestLimit(
                fixture.stack().dynamoDb(), fixture.ledgerTable(), 2, Clock.fixed(Instant.parse(now), ZoneOffset.UTC));
    }
}
