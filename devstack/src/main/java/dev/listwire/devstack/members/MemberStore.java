package dev.listwire.devstack.members;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import java.util.stream.Stream;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** A list's members table, as an operator sees it: list, add, remove, import. */
public final class MemberStore {

    private static final int BATCH = 25;
    private final DynamoDbClient dynamoDb;
    private final String table;

    public MemberStore(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    /** Every item, page by page. */
    public Stream<Map<String, AttributeValue>> all() {
        return dynamoDb.scanPaginator(b -> b.tableName(table).consistentRead(true)).items().stream();
    }

    /** Writes the member (replacing an item with the same address: a re-added member is subscribed again). */
    public void put(Map<String, AttributeValue> item) {
        dynamoDb.putItem(b -> b.tableName(table).item(item));
    }

    /** Deletes the member's item; true when there was one. */
    public boolean remove(String email) {
        return !dynamoDb.deleteItem(b -> b.tableName(table)
                        .key(Map.of("email", AttributeValue.fromS(email)))
                        .returnValues(software.amazon.awssdk.services.dynamodb.model.ReturnValue.ALL_OLD))
                .attributes()
                .isEmpty();
    }

    /** Writes the items 25 to a request, retrying what DynamoDB leaves unprocessed; reports the count written. */
    public void putAll(List<Map<String, AttributeValue>> items, IntConsumer written) {
        int done = 0;
        for (int from = 0; from < items.size(); from += BATCH) {
            List<WriteRequest> requests = new ArrayList<>();
            for (Map<String, AttributeValue> item : items.subList(from, Math.min(items.size(), from + BATCH))) {
                requests.add(WriteRequest.builder()
                        .putRequest(PutRequest.builder().item(item).build())
                        .build());
            }
            writeAll(requests);
            done += requests.size();
            written.accept(done);
        }
    }

    private void writeAll(List<WriteRequest> requests) {
        Map<String, List<WriteRequest>> pending = Map.of(table, requests);
        for (int attempt = 0; !pending.isEmpty(); attempt++) {
            if (attempt > 0) {
                sleep(Math.min(2000, 50L << Math.min(attempt, 6)));
            }
            Map<String, List<WriteRequest>> batch = pending;
            BatchWriteItemResponse response = dynamoDb.batchWriteItem(b -> b.requestItems(batch));
            pending = response.unprocessedItems();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while importing", e);
        }
    }
}
