package dev.listwire.common.ledger;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * Which run of an event's scan segment may send without a claim per recipient: the first one, while it is
 * the only one. One item per event in the ledger table (range key {@link LedgerItems#RUNS}, never an
 * address) records how the event was split and, per segment, its state:
 *
 * <ul>
 *   <li>{@code ready}: the split was recorded when the ledger held nothing of the event, and no run of the
 *       segment has started;
 *   <li>{@code sending}: the first run holds the segment alone, until its lease (the function timeout) runs
 *       out. It sends without claims and writes only the outcomes, in batches;
 *   <li>{@code over}: the first run ended (or died and its lease ran out), or there never was a first run.
 *       Every run from here on claims each recipient, as {@link EventLedger#claim} says.
 * </ul>
 *
 * <p>Why it is safe: a run that claims recipients starts only once the segment is {@code over}, so it never
 * overlaps the run that does not; that run starts only from {@code ready}, which nothing returns to; and
 * the conditional writes here decide both. A first run that dies leaves its segment {@code sending}: other
 * runs are shut out until its lease runs out, as a dead run's claims hold its recipients today, then claim.
 * Its emails sent but not yet marked are sent again, the same window {@link DeliveryLedger} describes.
 */
public final class SegmentRuns {

    /** How a run of one segment of an event goes. */
    public enum Entry {
        /** The first run, alone: no claims (see {@link EventLedger#claim}). */
        FIRST,
        /** A later run: a claim per recipient. */
        CLAIMING,
        /** The first run is still sending: this run must not send; retry after its lease. */
        SHUT_OUT
    }

    private static final String SEGMENTS = "segments";
    private static final String READY = "ready";
    private static final String SENDING = "sending";
    private static final String OVER = "over";

    private final DynamoDbClient dynamoDb;
    private final LedgerConfiguration configuration;
    private final Clock clock;
    private final String event;

    SegmentRuns(DynamoDbClient dynamoDb, LedgerConfiguration configuration, Clock clock, String event) {
        this.dynamoDb = dynamoDb;
        this.configuration = configuration;
        this.clock = clock;
        this.event = event;
    }

    /**
     * Records how the event is split, once, when its first message arrives: {@code wanted} segments, or, when
     * a message of the event came before (SQS delivered it again, or a redeploy changed the split), the
     * split recorded then, so that every run of the event reads the same segments. Each segment is
     * {@code ready} only when the ledger held nothing of the event; otherwise every run of it claims.
     *
     * @return the segments to split the event into
     */
    public int recordSplit(int wanted) {
        if (!configuration.firstRunsUnclaimed()) {
            return wanted;
        }
        boolean earlier = dynamoDb.query(b -> b.tableName(configuration.table())
                                .keyConditionExpression("#event = :event")
                                .expressionAttributeNames(Map.of("#event", LedgerItems.KEY))
                                .expressionAttributeValues(Map.of(":event", string(event)))
                                .consistentRead(true)
                                .limit(1))
                        .count()
                > 0;
        Map<String, AttributeValue> item = new HashMap<>(key());
        item.put(SEGMENTS, number(wanted));
        item.put(EventLedger.EXPIRES_AT, expiresAt());
        for (int segment = 0; segment < wanted; segment++) {
            item.put(state(segment), string(earlier ? OVER : READY));
        }
        try {
            dynamoDb.putItem(b -> b.tableName(configuration.table())
                    .item(item)
                    .conditionExpression("attribute_not_exists(#email)")
                    .expressionAttributeNames(Map.of("#email", LedgerItems.EMAIL))
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
            return wanted;
        } catch (ConditionalCheckFailedException recorded) {
            Map<String, AttributeValue> old = recorded.hasItem()
                    ? recorded.item()
                    : dynamoDb.getItem(b -> b.tableName(configuration.table())
                                    .key(key())
                                    .consistentRead(true))
                            .item();
            // A record without a split: a claiming run made it, for a message from before this record existed.
            return Optional.ofNullable(old.get(SEGMENTS))
                    .map(n -> Integer.parseInt(n.n()))
                    .orElse(wanted);
        }
    }

    /**
     * Enters a run of {@code segment}: the first run when the segment is {@code ready} and the run starts at
     * the segment's start; otherwise a claiming run, once no first run is sending.
     *
     * @param owner this invocation's id, so that only it ends its first run
     * @param lease how long a first run may hold the segment: the function timeout
     */
    public Entry enter(int segment, boolean fromTheStart, String owner, Duration lease) {
        if (!configuration.firstRunsUnclaimed()) {
            return Entry.CLAIMING;
        }
        long now = clock.millis();
        if (fromTheStart
                && update(
                        segment,
                        "SET #state = :sending, #owner = :me, #until = :until",
                        "#state = :ready",
                        Map.of(
                                ":sending",
                                string(SENDING),
                                ":ready",
                                string(READY),
                                ":me",
                                string(owner),
                                ":until",
                                number(now + lease.toMillis())))) {
            return Entry.FIRST;
        }
        boolean claiming = update(
                segment,
                "SET #state = :over, #expires = if_not_exists(#expires, :expires)",
                "attribute_not_exists(#state) OR #state <> :sending OR #until < :now",
                Map.of(
                        ":over",
                        string(OVER),
                        ":sending",
                        string(SENDING),
                        ":now",
                        number(now),
                        ":expires",
                        expiresAt()));
        return claiming ? Entry.CLAIMING : Entry.SHUT_OUT;
    }

    /**
     * Ends the first run of {@code segment}: every later run claims. Called once its outcomes are written;
     * a first run that cannot write them leaves the segment to its lease.
     */
    public void leave(int segment, String owner) {
        update(
                segment,
                "SET #state = :over",
                "#state = :sending AND #owner = :me",
                Map.of(":over", string(OVER), ":sending", string(SENDING), ":me", string(owner)));
    }

    /** Whether the conditional update of one segment's state was made. */
    private boolean update(int segment, String update, String condition, Map<String, AttributeValue> values) {
        Map<String, String> names = new HashMap<>();
        names.put("#state", state(segment));
        names.put("#owner", state(segment) + "Owner");
        names.put("#until", state(segment) + "Until");
        names.put("#expires", EventLedger.EXPIRES_AT);
        // An expression may not name attributes it does not use.
        names.keySet().removeIf(name -> !update.contains(name) && !condition.contains(name));
        try {
            dynamoDb.updateItem(b -> b.tableName(configuration.table())
                    .key(key())
                    .updateExpression(update)
                    .conditionExpression(condition)
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException notNow) {
            return false;
        }
    }

    private static String state(int segment) {
        return "segment" + segment;
    }

    private Map<String, AttributeValue> key() {
        return Map.of(LedgerItems.KEY, string(event), LedgerItems.EMAIL, string(LedgerItems.RUNS));
    }

    private AttributeValue expiresAt() {
        return number(clock.instant()
                .plus(Duration.ofDays(configuration.retentionDays()))
                .getEpochSecond());
    }

    private static AttributeValue string(String s) {
        return AttributeValue.fromS(s);
    }

    private static AttributeValue number(long n) {
        return AttributeValue.fromN(Long.toString(n));
    }
}
