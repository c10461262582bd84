package dev.listwire.subscriptions;

import dev.listwire.common.ledger.LedgerConfiguration;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * How many preferences links one address may ask for in an hour. The count lives in DynamoDB, not in
 * memory, because Lambda runs many copies of the function: one conditional {@code UpdateItem} per request
 * adds one to the address's counter for the current hour and fails once it reaches the limit. The counters
 * share the delivery ledger's table (its key is {@code event}, {@code email}; its TTL {@code expiresAt}
 * deletes them) under their own key prefix, so the limit costs no table of its own.
 */
@Singleton
final class LinkRequestLimit {

    static final String KEY_PREFIX = "rate-limit#preferences-link#";

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final int perHour;
    private final Clock clock;

    @Inject
    LinkRequestLimit(DynamoDbClient dynamoDb, LedgerConfiguration ledger, SubscriptionsConfiguration configuration) {
        this(dynamoDb, ledger.table(), configuration.linkRequestsPerHour(), Clock.systemUTC());
    }

    LinkRequestLimit(DynamoDbClient dynamoDb, String table, int perHour, Clock clock) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.perHour = perHour;
        this.clock = clock;
    }

    /** Counts one request for this address; false when the address has had its share this hour. */
    boolean tryAcquire(String email) {
        Instant hour = clock.instant().truncatedTo(ChronoUnit.HOURS);
        long expires = hour.plus(Duration.ofHours(2)).getEpochSecond();
        try {
            dynamoDb.updateItem(b -> b.tableName(table)
                    .key(Map.of("event", AttributeValue.fromS(KEY_PREFIX + hour), "email", AttributeValue.fromS(email)))
                    .updateExpression("ADD #requests :one SET #expires = :expires")
                    .conditionExpression("attribute_not_exists(#requests) OR #requests < :limit")
                    .expressionAttributeNames(Map.of("#requests", "requests", "#expires", "expiresAt"))
                    .expressionAttributeValues(Map.of(
                            ":one",
                            AttributeValue.fromN("1"),
                            ":limit",
                            AttributeValue.fromN(Integer.toString(perHour)),
                            ":expires",
                            AttributeValue.fromN(Long.toString(expires)))));
            return true;
        } catch (ConditionalCheckFailedException limitReached) {
            return false;
        }
    }
}
