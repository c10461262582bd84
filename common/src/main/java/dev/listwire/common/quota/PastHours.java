package dev.listwire.common.quota;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/** The account's sends in the hours before the current one, read with one BatchGetItem per new hour. */
final class PastHours {

    private final DynamoDbClient dynamoDb;
    private final SendingConfiguration configuration;
    private final int hours;
    private long loadedFor = -1;
    private Map<Long, Long> sentByHour = Map.of();

    PastHours(DynamoDbClient dynamoDb, SendingConfiguration configuration, int hours) {
        this.dynamoDb = dynamoDb;
        this.configuration = configuration;
        this.hours = hours;
    }

    /** Sends in the {@code hours} hours before {@code current}. */
    synchronized long total(long current) {
        load(current);
        return sentByHour.values().stream().mapToLong(Long::longValue).sum();
    }

    /** When the oldest hour with sends leaves the quota window, giving its sends back. */
    synchronized Instant resumesAt(long current) {
        load(current);
        long oldest = sentByHour.entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .mapToLong(Map.Entry::getKey)
                .min()
                .orElse(current);
        return Instant.ofEpochSecond((oldest + hours + 1) * 3600);
    }

    static Map<String, AttributeValue> key(String account, long hour) {
        return Map.of(
                SendingAccount.ACCOUNT,
                AttributeValue.fromS(account),
                SendingAccount.BUCKET,
                AttributeValue.fromS("h#" + hour));
    }

    private void load(long current) {
        if (loadedFor == current) {
            return;
        }
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (long h = current - hours; h < current; h++) {
            keys.add(key(configuration.account(), h));
        }
        Map<Long, Long> counts = new HashMap<>();
        Map<String, KeysAndAttributes> wanted = Map.of(
                configuration.table(),
                KeysAndAttributes.builder()
                        .keys(keys)
                        .consistentRead(true)
                        .projectionExpression("#b, #s")
                        .expressionAttributeNames(Map.of("#b", SendingAccount.BUCKET, "#s", SendingAccount.SENT))
                        .build());
        while (!wanted.isEmpty()) {
            Map<String, KeysAndAttributes> ask = wanted;
            var response = dynamoDb.batchGetItem(b -> b.requestItems(ask));
            for (Map<String, AttributeValue> item :
                    response.responses().getOrDefault(configuration.table(), List.of())) {
                counts.put(
                        Long.parseLong(item.get(SendingAccount.BUCKET).s().substring(2)),
                        SendingAccount.count(item, SendingAccount.SENT));
            }
            wanted = response.unprocessedKeys();
        }
        sentByHour = counts;
        loadedFor = current;
    }
}
