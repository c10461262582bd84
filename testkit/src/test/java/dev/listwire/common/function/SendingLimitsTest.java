package dev.listwire.common.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.listwire.testkit.ListUnderTest;
import dev.listwire.testkit.QueueDrain;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The sending account's rolling-day quota and rate, shared through DynamoDB, defer a list and never drop it. */
class SendingLimitsTest {

    private static final String AAPL = "{\"ticker\":\"AAPL\",\"price\":189.95}";

    @RegisterExtension
    final ListUnderTest<FixtureFunction> list = ListUnderTest.of("classpath:fixture-list.json", FixtureFunction::new);

    @Test
    void aSpentQuotaDefersTheRestOfTheListAndSendingResumesWhenTheOldestHourLeavesTheDay() throws Exception {
        list.members().many("member", 50);
        // The account's clock stands 4 seconds before an hour when it is first read; 24 hours earlier it sent all but
        // 30 of its quota.
        Instant realNow = Instant.now();
        long hour = realNow.getEpochSecond() / 3600 + 1000;
        Instant shifted = Instant.ofEpochSecond((hour + 1) * 3600 - 4);
        Clock clock = new StartsAt(shifted);
        list.stack()
                .dynamoDb()
                .putItem(b -> b.tableName(list.sendingTable())
                        .item(Map.of(
                                "account",
                                AttributeValue.fromS("default"),
                                "bucket",
                                AttributeValue.fromS("h#" + (hour - 24)),
                                "sent",
                                AttributeValue.fromN("1970"))));
        var sqs = list.stack().sqs();
        sqs.sendMessage(b -> b.queueUrl(list.queueUrl()).messageBody(AAPL));

        var context = list.property("listwire.sending.daily-quota", 2000)
                .property("listwire.sending.rate-per-second", 1000)
                .context();
        context.registerSingleton(Clock.class, clock);
        try (FixtureFunction limited = new FixtureFunction(context)) {
            QueueDrain.run(limited, sqs, list.queueUrl(), 10, () -> null, Duration.ofMinutes(2));
        }

        var finished = list.logs().lines("event-finished");
        assertEquals("continued", finished.get(0).get("outcome"));
        assertEquals("quota-spent", finished.get(0).get("continuedBecause"));
        assertEquals(30, finished.get(0).get("sent"));
        Map<String, Object> deferred = list.logs().lines("sending-deferred").get(0);
        assertEquals(Instant.ofEpochSecond((hour + 1) * 3600).toString(), deferred.get("resumesAt"));
        assertEquals("completed", finished.get(finished.size() - 1).get("outcome"));
        assertEquals(
                50, finished.stream().mapToInt(l -> (Integer) l.get("sent")).sum());
        assertEquals(50, list.inbox().byRecipient().size());
        assertTrue(list.inbox().byRecipient().values().stream().allMatch(l -> l.size() == 1), "nobody twice");
    }

    /** A clock that reads {@code start} the first time it is asked, and runs on from there in real time. */
    private static final class StartsAt extends Clock {
        private final Instant start;
        private volatile long offsetMillis = Long.MIN_VALUE;

        StartsAt(Instant start) {
            this.start = start;
        }

        @Override
        public Instant instant() {
            if (offsetMillis == Long.MIN_VALUE) {
                offsetMillis = start.toEpochMilli() - System.currentTimeMillis();
            }
            return Instant.ofEpochMilli(System.currentTimeMillis() + offsetMillis);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    @Test
    void theSharedCountersHoldEveryWindowOfTheAccountToItsRate() throws Exception {
        list.members().many("member", 60);
        long start = System.nanoTime();
        try (FixtureFunction slow = new FixtureFunction(list.property("listwire.sending.rate-per-second", 20)
                .property("listwire.sending.window-seconds", 1)
                .context())) {
            assertTrue(slow.handleRequest(dev.listwire.testkit.SqsEvents.ofBody("m-1", AAPL), null)
                    .getBatchItemFailures()
                    .isEmpty());
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertEquals(
                60,
                list.inbox().all().size(),
                list.logs().lines("event-finished").toString());
        // 20 per 1-second window: 60 emails span three windows, so at least two window starts.
        assertTrue(took.toMillis() >= 1_000, "60 emails at 20 a second took " + took);
        var counted = list.stack()
                .dynamoDb()
                .scan(b -> b.tableName(list.sendingTable()))
                .items();
        long total = 0;
        for (var item : counted) {
            for (var attribute : item.entrySet()) {
                if (attribute.getKey().matches("w\\d+")) {
                    long inWindow = Long.parseLong(attribute.getValue().n());
                    assertTrue(inWindow <= 20, "window " + attribute.getKey() + " sent " + inWindow);
                    total += inWindow;
                }
            }
        }
        assertEquals(60, total);
        assertEquals(List.of(), list.logs().lines("sending-deferred"));
    }
}
