package dev.listwire.common.members;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * One address's membership of lists, as the preference center reads and changes it. Leaving keeps the
 * item and marks it ({@code status = "unsubscribed"}, {@code unsubscribedAt}), which the sends skip at
 * once; joining adds the item or removes the mark ({@code subscribedAt}). Either way the member's other
 * attributes (name, tickers followed) stay. Each change is one conditional {@code UpdateItem}, so doing
 * it twice changes nothing the second time.
 */
@Singleton
public final class Memberships {

    /** What a leave or join did. */
    public enum Change {
        CHANGED,
        ALREADY_SO
    }

    /** BatchGetItem reads at most 100 keys a call; one address on more lists than that is not expected. */
    static final int MAX_LISTS = 100;

    private static final int MAX_ATTEMPTS = 5;

    private final DynamoDbClient dynamoDb;
    private final Clock clock;

    public Memberships(DynamoDbClient dynamoDb) {
        this(dynamoDb, Clock.systemUTC());
    }

    Memberships(DynamoDbClient dynamoDb, Clock clock) {
        this.dynamoDb = dynamoDb;
        this.clock = clock;
    }

    /** The address's item in each table (strongly consistent), in one BatchGetItem; empty where it has none. */
    public Map<String, Optional<Member>> find(Collection<String> tables, String email) {
        if (tables.size() > MAX_LISTS) {
            throw new IllegalArgumentException(
                    "at most " + MAX_LISTS + " lists can be read at once, not " + tables.size());
        }
        Map<String, KeysAndAttributes> wanted = new HashMap<>();
        tables.forEach(t -> wanted.put(
                t,
                KeysAndAttributes.builder()
                        .keys(key(email))
                        .consistentRead(true)
                        .build()));
        Map<String, Optional<Member>> found = new LinkedHashMap<>();
        tables.forEach(t -> found.put(t, Optional.empty()));
        for (int attempt = 1; !wanted.isEmpty(); attempt++) {
            Map<String, KeysAndAttributes> request = Map.copyOf(wanted);
            BatchGetItemResponse response = dynamoDb.batchGetItem(b -> b.requestItems(request));
            response.responses()
                    .forEach((table, items) ->
                            items.forEach(item -> found.put(table, Optional.of(AttributeValues.toMember(item)))));
            wanted.clear();
            wanted.putAll(response.unprocessedKeys());
            if (!wanted.isEmpty() && attempt >= MAX_ATTEMPTS) {
                throw new IllegalStateException(
                        "DynamoDB left " + wanted.keySet() + " unread after " + attempt + " attempts");
            }
            backOff(wanted.isEmpty() ? 0 : attempt);
        }
        return found;
    }

    /** Marks a member as gone; an address without an item, or one already gone, is left as it is. */
    public Change leave(String table, String email) {
        return update(
                table,
                email,
                "SET #status = :unsubscribed, #at = :now",
                "attribute_exists(#email) AND (attribute_not_exists(#status) OR #status <> :unsubscribed)",
                Member.UNSUBSCRIBED_AT);
    }

    /** Adds the address, or brings a member who left back; a member already subscribed is left as it is. */
    public Change join(String table, String email) {
        return update(
                table,
                email,
                "SET #at = :now REMOVE #status",
                "attribute_not_exists(#email) OR #status = :unsubscribed",
                Member.SUBSCRIBED_AT);
    }

    private Change update(String table, String email, String update, String condition, String timestamp) {
        try {
            dynamoDb.updateItem(b -> b.tableName(table)
                    .key(key(email))
                    .updateExpression(update)
                    .conditionExpression(condition)
                    .expressionAttributeNames(Map.of("#email", "email", "#status", Member.STATUS, "#at", timestamp))
                    .expressionAttributeValues(Map.of(
                            ":unsubscribed", AttributeValue.fromS(Member.UNSUBSCRIBED),
                            ":now", AttributeValue.fromS(clock.instant().toString()))));
            return Change.CHANGED;
        } catch (ConditionalCheckFailedException alreadySo) {
            return Change.ALREADY_SO;
        }
    }

    private static Map<String, AttributeValue> key(String email) {
        return Map.of("email", AttributeValue.fromS(email));
    }

    private static void backOff(int attempt) {
        if (attempt == 0) {
            return;
        }
        try {
            Thread.sleep(20L << attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading memberships", e);
        }
    }
}
