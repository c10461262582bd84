package dev.listwire.subscriptions;

import dev.listwire.common.ledger.LedgerConfiguration;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The hourly counters of the "email me a link" caps: per address, per client and for all requests together.
 * They live in DynamoDB, not in memory, because Lambda runs many copies of the function: one conditional
 * {@code UpdateItem} per request adds one to a counter for the current hour and fails once it reaches the
 * limit. The counters share the delivery ledger's table (its key is {@code event}, {@code email}; its TTL
 * {@code expiresAt} deletes them) under their own key prefix, so the caps cost no table of its own.
 */
@Singleton
final class LinkRequestLimit {

    static final String KEY_PREFIX = "rate-limit#preferences-link#";

    /** Which count: each has its keys, all under {@link #KEY_PREFIX} (the function's IAM policy allows no other). */
    enum Scope {
        ADDRESS(""),
        CLIENT("ip#"),
        ALL("all#");

        private final String infix;

        Scope(String infix) {
            this.infix = infix;
        }
    }

    private final DynamoDbClient dynamoDb;
    private final String table;

    @Inject
    LinkRequestLimit(DynamoDbClient dynamoDb, LedgerConfiguration ledger) {
        this(dynamoDb, ledger.table());
    }

    LinkRequestLimit(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    /** Counts one request for {@code key} in the hour of {@code now}; false when it has had its share. */
    boolean tryAcquire(Scope scope, String key, int perHour, Instant now) {
        Instant hour = now.truncatedTo(ChronoUnit.HOURS);
        long expires = hour.plus(Duration.ofHours(2)).getEpochSecond();
        try {
            dynamoDb.updateItem(b -> b.tableName(table)
                    .key(key(scope, key, hour))
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

    /** Takes back a request counted at {@code countedAt} that sent nothing (never below zero). */
    void giveBack(Scope scope, String key, Instant countedAt) {
        Instant hour = countedAt.truncatedTo(ChronoUnit.HOURS);
        try {
            dynamoDb.updateItem(b -> b.tableName(table)
                    .key(key(scope, key, hour))
                    .updateExpression("ADD #requests :minusOne")
                    .conditionExpression("#requests > :zero")
                    .expressionAttributeNames(Map.of("#requests", "requests"))
                    .expressionAttributeValues(
                            Map.of(":minusOne", AttributeValue.fromN("-1"), ":zero", AttributeValue.fromN("0"))));
        } catch (ConditionalCheckFailedException alreadyGone) {
            // The hour's item expired or was never written: nothing to take back.
        }
    }

    /** When the counts of {@code now}'s hour are over. */
    static Instant nextHour(Instant now) {
        return now.truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
    }

    private static Map<String, AttributeValue> key(Scope scope, String key, Instant hour) {
        return Map.of(
                "event", AttributeValue.fromS(KEY_PREFIX + scope.infix + hour), "email", AttributeValue.fromS(key));
    }
}
