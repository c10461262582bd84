package dev.listwire.common.events;

import dev.listwire.common.ledger.LedgerConfiguration;
import dev.listwire.common.ledger.LedgerItems;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * One member's ledger items over some events of a list: {@code BatchGetItem}s of at most {@value #MAX_KEYS} keys,
 * never a scan. For the command line, which asks "what happened to this member".
 */
public final class DeliveryRecords {

    /** The most keys one {@code BatchGetItem} takes. */
    static final int MAX_KEYS = 100;

    private static final int MAX_ATTEMPTS = 5;

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DeliveryRecords(DynamoDbClient dynamoDb, LedgerConfiguration ledger) {
        this.dynamoDb = dynamoDb;
        this.table = ledger.table();
    }

    /** The member's record for each of the events that has one, by event id. */
    public Map<String, DeliveryRecord> of(String list, List<String> eventIds, String email) {
        Map<String, DeliveryRecord> found = new HashMap<>();
        List<String> ids = eventIds.stream().distinct().toList();
        for (int from = 0; from < ids.size(); from += MAX_KEYS) {
            List<Map<String, AttributeValue>> keys = ids.subList(from, Math.min(ids.size(), from + MAX_KEYS)).stream()
                    .map(id -> LedgerItems.key(list, id, email))
                    .toList();
            read(keys).forEach(item -> {
                String eventKey = item.get(LedgerItems.KEY).s();
                found.put(eventKey.substring(list.length() + 1), record(item));
            });
        }
        return found;
    }

    private List<Map<String, AttributeValue>> read(List<Map<String, AttributeValue>> keys) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        KeysAndAttributes request = KeysAndAttributes.builder().keys(keys).build();
        for (int attempt = 1; ; attempt++) {
            KeysAndAttributes asked = request;
            BatchGetItemResponse response = dynamoDb.batchGetItem(b -> b.requestItems(Map.of(table, asked)));
            items.addAll(response.responses().getOrDefault(table, List.of()));
            KeysAndAttributes left = response.unprocessedKeys().get(table);
            if (left == null || !left.hasKeys() || left.keys().isEmpty()) {
                return items;
            }
            if (attempt >= MAX_ATTEMPTS) {
                throw new IllegalStateException("DynamoDB left " + left.keys().size() + " ledger keys unread");
            }
            request = left;
        }
    }

    private static DeliveryRecord record(Map<String, AttributeValue> item) {
        List<FeedbackMark> marks = new ArrayList<>();
        for (FeedbackMark.Kind kind : FeedbackMark.Kind.values()) {
            AttributeValue mark = item.get(kind.attribute());
            if (mark != null && mark.hasM()) {
                Map<String, AttributeValue> m = mark.m();
                marks.add(new FeedbackMark(
                        kind,
                        text(m, "status").orElse(""),
                        text(m, "detail").orElse(""),
                        Instant.ofEpochMilli(number(m, "at").orElse(0L)),
                        text(m, "report").orElse("")));
            }
        }
        return new DeliveryRecord(
                text(item, LedgerItems.STATUS).orElse("unknown"),
                text(item, LedgerItems.REPLY),
                number(item, LedgerItems.TRIES).orElse(0L),
                number(item, LedgerItems.UPDATED_AT).map(Instant::ofEpochMilli),
                marks);
    }

    private static Optional<String> text(Map<String, AttributeValue> item, String name) {
        return Optional.ofNullable(item.get(name)).map(AttributeValue::s);
    }

    private static Optional<Long> number(Map<String, AttributeValue> item, String name) {
        return Optional.ofNullable(item.get(name)).map(AttributeValue::n).map(Long::parseLong);
    }
}
