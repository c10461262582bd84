package dev.listwire.common.suppression;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * Which of some addresses are on the suppression list, in as few calls as DynamoDB allows: one
 * {@code BatchGetItem} per {@value #MAX_KEYS} addresses, asking for the key alone, with the keys DynamoDB
 * leaves unprocessed asked again after a growing pause. A read that does not complete throws: a send must
 * never take "could not tell" for "nobody is suppressed".
 */
@Singleton
public final class SuppressedAddresses {

    /** The most keys one {@code BatchGetItem} takes. */
    public static final int MAX_KEYS = 100;

    private static final int MAX_ATTEMPTS = 6;

    private final DynamoDbClient dynamoDb;
    private final String table;

    public SuppressedAddresses(DynamoDbClient dynamoDb, SuppressionConfiguration configuration) {
        this.dynamoDb = dynamoDb;
        this.table = configuration.table();
    }

    /** The suppressed ones among {@code emails}, as given (the list is keyed by the lower-cased address). */
    public Set<String> among(Collection<String> emails) {
        // BatchGetItem refuses a request that names a key twice.
        Map<String, List<String>> byKey = new LinkedHashMap<>();
        emails.forEach(email -> byKey.computeIfAbsent(SuppressionKeys.normal(email), k -> new ArrayList<>())
                .add(email));
        List<String> keys = List.copyOf(byKey.keySet());
        Set<String> found = new HashSet<>();
        for (int from = 0; from < keys.size(); from += MAX_KEYS) {
            read(keys.subList(from, Math.min(keys.size(), from + MAX_KEYS)))
                    .forEach(key -> found.addAll(byKey.get(key)));
        }
        return found;
    }

    private Set<String> read(List<String> keys) {
        List<Map<String, AttributeValue>> wanted = new ArrayList<>();
        keys.forEach(k -> wanted.add(Map.of(SuppressionKeys.EMAIL, AttributeValue.fromS(k))));
        Set<String> found = new HashSet<>();
        KeysAndAttributes request = KeysAndAttributes.builder()
                .keys(wanted)
                .projectionExpression("#e")
                .expressionAttributeNames(Map.of("#e", SuppressionKeys.EMAIL))
                .build();
        for (int attempt = 1; ; attempt++) {
            KeysAndAttributes asked = request;
            BatchGetItemResponse response = dynamoDb.batchGetItem(b -> b.requestItems(Map.of(table, asked)));
            response.responses()
                    .getOrDefault(table, List.of())
                    .forEach(item -> found.add(item.get(SuppressionKeys.EMAIL).s()));
            KeysAndAttributes left = response.unprocessedKeys().get(table);
            if (left == null || !left.hasKeys() || left.keys().isEmpty()) {
                return found;
            }
            if (attempt >= MAX_ATTEMPTS) {
                throw new IllegalStateException("DynamoDB left " + left.keys().size() + " of " + keys.size()
                        + " keys of " + table + " unread after " + attempt + " attempts");
            }
            pause(attempt);
            request = left;
        }
    }

    /** 40, 80, 160, ... ms: DynamoDB leaves keys unprocessed when the table is throttled. */
    private static void pause(int attempt) {
        try {
            Thread.sleep(20L << attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the suppression list", e);
        }
    }
}
