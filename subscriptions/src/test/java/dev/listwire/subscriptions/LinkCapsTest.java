package dev.listwire.subscriptions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.listwire.subscriptions.LinkCaps.Cap;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The order of the form's caps and what each refusal costs and keeps, on the app's own beans over dynalite:
 * the DynamoDB calls counted by the SDK's interceptor, the sends read from the sending account's table.
 */
class LinkCapsTest {

    private SubscriptionsApp app;

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void aRequestOverTheClientCapCostsOneWriteAndReservesNothing() {
        LinkCaps caps = start(Map.of("listwire.subscriptions.link-caps.per-client-per-hour", 1));
        assertInstanceOf(LinkCaps.Reserved.class, caps.take("203.0.113.7", "ada@example.com"));
        DynamoDbCalls calls = app.context.getBean(DynamoDbCalls.class);
        calls.take();

        LinkCaps.Outcome second = caps.take("203.0.113.7", "eve@example.com");

        assertEquals(Cap.IP, ((LinkCaps.Refused) second).cap());
        assertEquals(List.of("UpdateItem"), calls.take());
        assertEquals(1, sent());
    }

    @Test
    void aGrantedRequestCostsThreeCountsAndOneReservation() {
        LinkCaps caps = start(Map.of());
        caps.take("198.51.100.1", "ada@example.com"); // the account reads the day's past hours once an hour
        DynamoDbCalls calls = app.context.getBean(DynamoDbCalls.class);
        calls.take();

        assertInstanceOf(LinkCaps.Reserved.class, caps.take("198.51.100.2", "eve@example.com"));

        assertEquals(List.of("UpdateItem", "UpdateItem", "UpdateItem", "UpdateItem"), calls.take());
    }

    @Test
    void theAddressCapCountsVariantsOfOneMailboxTogether() {
        LinkCaps caps = start(Map.of());
        for (String variant : List.of("a+1@gmail.com", "A.+2@googlemail.com", "a@gmail.com")) {
            assertInstanceOf(LinkCaps.Reserved.class, caps.take("203.0.113.7", variant), variant);
        }

        LinkCaps.Outcome fourth = caps.take("198.51.100.1", "a.+x@gmail.com");

        assertEquals(Cap.ADDRESS, ((LinkCaps.Refused) fourth).cap());
        assertEquals(3, sent());
    }

    @Test
    void aRequestOverTheGlobalCapReservesNoSend() {
        LinkCaps caps = start(Map.of("listwire.subscriptions.link-caps.per-hour", 2));
        assertInstanceOf(LinkCaps.Reserved.class, caps.take("198.51.100.1", "ada@example.com"));
        assertInstanceOf(LinkCaps.Reserved.class, caps.take("198.51.100.2", "eve@example.com"));

        LinkCaps.Refused third = (LinkCaps.Refused) caps.take("198.51.100.3", "bob@example.com");

        assertEquals(Cap.GLOBAL, third.cap());
        assertEquals(2, sent());
        assertTrue(third.retryAfterSeconds() >= 1 && third.retryAfterSeconds() <= 3600, third.toString());
    }

    @Test
    void theDefaultGlobalCapIsTwoPercentOfTheDailyQuota() {
        LinkCaps caps = start(Map.of("listwire.sending.daily-quota", 250)); // 2% of 250 = 5

        int reserved = 0;
        for (int i = 0; caps.take("198.51.100." + i, "user" + i + "@example.com") instanceof LinkCaps.Reserved; i++) {
            reserved++;
        }

        assertEquals(5, reserved);
    }

    @Test
    void theFormStopsAtTheListsShareAndGivesItsGlobalCountBack() {
        LinkCaps caps =
                start(Map.of("listwire.sending.daily-quota", 20, "listwire.subscriptions.link-caps.per-hour", 1000));

        int reserved = 0;
        LinkCaps.Outcome outcome;
        while ((outcome = caps.take("198.51.100." + reserved, "user" + reserved + "@example.com"))
                instanceof LinkCaps.Reserved) {
            reserved++;
        }

        assertEquals(Cap.ACCOUNT_FLOOR, ((LinkCaps.Refused) outcome).cap());
        assertEquals(18, reserved, "90% of 20");
        assertEquals(18, sent());
        assertEquals("18", globalCount(), "the refused request's global count was given back");
    }

    @Test
    void theFormWaitsForTheAccountsRateWindowLikeAList() {
        // 0.1 a second over 10-second windows: one send a window. A fixed clock at a window's start: on the
        // real one the two requests could fall either side of a window's end, and both be granted.
        app = new SubscriptionsApp(
                Map.of("listwire.sending.rate-per-second", 0.1),
                Clock.fixed(Instant.parse("2026-11-30T12:00:00Z"), ZoneOffset.UTC));
        LinkCaps caps = app.context.getBean(LinkCaps.class);
        LinkCaps.Outcome first = caps.take("198.51.100.1", "ada@example.com");
        LinkCaps.Outcome second = caps.take("198.51.100.2", "eve@example.com");

        assertInstanceOf(LinkCaps.Reserved.class, first);
        LinkCaps.Refused refused = (LinkCaps.Refused) second;
        assertEquals(Cap.ACCOUNT_RATE, refused.cap());
        assertTrue(refused.retryAfterSeconds() <= 10, refused.toString());
    }

    @Test
    void aSendNotMadeGoesBackWithItsAddressAndGlobalCounts() {
        LinkCaps caps = start(Map.of(
                "listwire.subscriptions.link-requests-per-hour", 1, "listwire.subscriptions.link-caps.per-hour", 1));
        LinkCaps.Reserved reserved = (LinkCaps.Reserved) caps.take("198.51.100.1", "ada@example.com");

        caps.giveBack(reserved);

        assertEquals(0, sent());
        assertInstanceOf(LinkCaps.Reserved.class, caps.take("198.51.100.2", "ada@example.com"));
    }

    private LinkCaps start(Map<String, Object> properties) {
        Map<String, Object> all = new java.util.HashMap<>(properties);
        all.put("test.count-dynamodb-calls", true);
        app = new SubscriptionsApp(all);
        return app.context.getBean(LinkCaps.class);
    }

    /** The sends counted in the account's table, every hour together. */
    private long sent() {
        return app.prices.stack().dynamoDb().scan(b -> b.tableName(app.prices.sendingTable())).items().stream()
                .mapToLong(item -> Long.parseLong(
                        item.getOrDefault("sent", AttributeValue.fromN("0")).n()))
                .sum();
    }

    private String globalCount() {
        return app.prices.stack().dynamoDb().scan(b -> b.tableName(app.prices.ledgerTable())).items().stream()
                .filter(item -> item.get("event").s().startsWith(LinkRequestLimit.KEY_PREFIX + "all#"))
                .map(item -> item.get("requests").n())
                .findFirst()
                .orElse("none");
    }
}
