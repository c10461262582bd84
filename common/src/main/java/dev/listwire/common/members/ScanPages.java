package dev.listwire.common.members;

import dev.listwire.common.threads.Background;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * The items of a {@code Scan}, page after page, the next page asked for as soon as the current one
 * arrives: while a page's members are sent, the next is on its way, so sending does not stop for a
 * {@code Scan} round trip every page. Two pages are held at most, whatever the size of the table.
 */
final class ScanPages implements Iterator<Map<String, AttributeValue>> {

    private final DynamoDbClient dynamoDb;
    private final ScanRequest request;
    private Iterator<Map<String, AttributeValue>> page =
            List.<Map<String, AttributeValue>>of().iterator();
    private CompletableFuture<ScanResponse> next;

    ScanPages(DynamoDbClient dynamoDb, ScanRequest request) {
        this.dynamoDb = dynamoDb;
        this.request = request;
        this.next = CompletableFuture.completedFuture(dynamoDb.scan(request));
    }

    @Override
    public boolean hasNext() {
        while (!page.hasNext() && next != null) {
            ScanResponse response = Background.await(next);
            page = response.items().iterator();
            next = response.hasLastEvaluatedKey()
                            && !response.lastEvaluatedKey().isEmpty()
                    ? Background.supply(() -> dynamoDb.scan(request.toBuilder()
                            .exclusiveStartKey(response.lastEvaluatedKey())
                            .build()))
                    : null;
        }
        return page.hasNext();
    }

    @Override
    public Map<String, AttributeValue> next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return page.next();
    }
}
