package dev.listwire.feedback;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * The feedback function's own table ({@code pk}, {@code sk}): where the mailbox was read to, which reports
 * were acted on (so that a report read twice is acted on once), and each address's soft bounces (counted
 * over a window; DynamoDB's TTL forgets them after it).
 */
@Singleton
final class FeedbackState {

    private static final String PK = "pk";
    private static final String SK = "sk";
    private static final String EXPIRES_AT = "expiresAt";

    private final DynamoDbClient dynamoDb;
    private final FeedbackConfiguration configuration;
    private final Clock clock;

    @Inject
    FeedbackState(DynamoDbClient dynamoDb, FeedbackConfiguration configuration) {
        this(dynamoDb, configuration, Clock.systemUTC());
    }

    FeedbackState(DynamoDbClient dynamoDb, FeedbackConfiguration configuration, Clock clock) {
        this.dynamoDb = dynamoDb;
        this.configuration = configuration;
        this.clock = clock;
    }

    Optional<MailboxCursor> cursor(String mailbox) {
        Map<String, AttributeValue> item = dynamoDb.getItem(b -> b.tableName(configuration.table())
                        .key(key("mailbox#" + mailbox, "cursor"))
                        .consistentRead(true))
                .item();
        if (item == null || !item.containsKey("uidValidity")) {
            return Optional.empty();
        }
        return Optional.of(new MailboxCursor(
                Long.parseLong(item.get("uidValidity").n()),
                Long.parseLong(item.get("lastUid").n())));
    }

    void saveCursor(String mailbox, MailboxCursor cursor) {
        dynamoDb.updateItem(b -> b.tableName(configuration.table())
                .key(key("mailbox#" + mailbox, "cursor"))
                .updateExpression("SET uidValidity = :validity, lastUid = :uid, updatedAt = :now")
                .expressionAttributeValues(Map.of(
                        ":validity", number(cursor.uidValidity()),
                        ":uid", number(cursor.lastUid()),
                        ":now", number(clock.millis()))));
    }

    /**
     * Takes a report for acting on: false when it was acted on already. Whoever takes it either acts on all of
     * it or {@link #giveBack gives it back}, so that a failure half-way is retried, not forgotten.
     */
    boolean claimReport(String reportId, String kind) {
        try {
            dynamoDb.putItem(b -> b.tableName(configuration.table())
                    .item(Map.of(
                            PK,
                            AttributeValue.fromS("report#" + reportId),
                            SK,
                            AttributeValue.fromS("report"),
                            "kind",
                            AttributeValue.fromS(kind),
                            "at",
                            number(clock.millis()),
                            EXPIRES_AT,
                            expiresIn(Duration.ofDays(configuration.reportDays()))))
                    .conditionExpression("attribute_not_exists(pk)"));
            return true;
        } catch (ConditionalCheckFailedException alreadyActedOn) {
            return false;
        }
    }

    void giveBack(String reportId) {
        dynamoDb.deleteItem(b -> b.tableName(configuration.table()).key(key("report#" + reportId, "report")));
    }

    /**
     * Records one soft bounce of an address and answers how many it has had within the window, this one included.
     * The sort key starts with the time, so the window is one key condition.
     */
    int softBounce(String email, String reportId) {
        long now = clock.millis();
        Duration window = Duration.ofDays(configuration.transientDays());
        dynamoDb.putItem(b -> b.tableName(configuration.table())
                .item(Map.of(
                        PK, AttributeValue.fromS("soft#" + email),
                        SK, AttributeValue.fromS(sortable(now) + "#" + reportId),
                        EXPIRES_AT, expiresIn(window))));
        return dynamoDb.query(b -> b.tableName(configuration.table())
                        .keyConditionExpression("pk = :pk AND sk >= :since")
                        .expressionAttributeValues(Map.of(
                                ":pk", AttributeValue.fromS("soft#" + email),
                                ":since", AttributeValue.fromS(sortable(now - window.toMillis()))))
                        .select(Select.COUNT)
                        .consistentRead(true))
                .count();
    }

    private AttributeValue expiresIn(Duration duration) {
        return number(clock.instant().plus(duration).getEpochSecond());
    }

    /** Epoch millis with a fixed width, so that string order is time order. */
    private static String sortable(long millis) {
        return String.format("%015d", Math.max(0, millis));
    }

    private static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(PK, AttributeValue.fromS(pk), SK, AttributeValue.fromS(sk));
    }

    private static AttributeValue number(long n) {
        return AttributeValue.fromN(Long.toString(n));
    }
}
