package dev.listwire.common.ledger;

import dev.listwire.common.threads.Background;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The outcomes one event's ledger records (its marks: sent, rejected, deferred, gave up), on their way
 * to the table. Marks are written a batch at a time, on one background writer, so that sending does not
 * wait for them; {@link #flush()} waits. Batches follow one another, so at most one is on its way. Used
 * from one thread, as the ledger's outcomes are.
 */
final class LedgerMarks {

    private static final int MAX_FLUSH_ATTEMPTS = 5;

    private final DynamoDbClient dynamoDb;
    private final LedgerConfiguration configuration;
    private final List<WriteRequest> pending = new ArrayList<>();
    private CompletableFuture<Void> writing = CompletableFuture.completedFuture(null);

    LedgerMarks(DynamoDbClient dynamoDb, LedgerConfiguration configuration) {
        this.dynamoDb = dynamoDb;
        this.configuration = configuration;
    }

    /** Adds one mark (a whole item, put over the claim); a full batch goes to the background writer. */
    void record(Map<String, AttributeValue> item) {
        if (writing.isCompletedExceptionally()) {
            // Stop sending as soon as marks cannot be written: the rest of the list waits for the retry.
            awaitWriting();
        }
        pending.add(WriteRequest.builder()
                .putRequest(PutRequest.builder().item(item).build())
                .build());
        if (pending.size() >= configuration.flushEvery()) {
            List<WriteRequest> batch = new ArrayList<>(pending);
            pending.clear();
            writing = Background.then(writing, () -> write(batch));
        }
    }

    /**
     * Writes every pending mark, and waits for those already on their way. A failure here leaves claims
     * that expire with their lease.
     */
    void flush() {
        List<WriteRequest> batch = new ArrayList<>(pending);
        pending.clear();
        try {
            write(batch);
        } finally {
            awaitWriting();
        }
    }

    /**
     * Waits for the batches written in the background; throws the first of their failures, and again at
     * every later call: marks once lost are never reported written.
     */
    private void awaitWriting() {
        Background.await(writing);
    }

    /** Writes in requests of 25; only requests that leave items unprocessed count as failed attempts. */
    private void write(List<WriteRequest> batch) {
        int failedAttempts = 0;
        while (!batch.isEmpty()) {
            List<WriteRequest> chunk = List.copyOf(batch.subList(0, Math.min(25, batch.size())));
            batch.subList(0, chunk.size()).clear();
            BatchWriteItemResponse response =
                    dynamoDb.batchWriteItem(b -> b.requestItems(Map.of(configuration.table(), chunk)));
            List<WriteRequest> unprocessed = response.unprocessedItems().getOrDefault(configuration.table(), List.of());
            if (!unprocessed.isEmpty()) {
                failedAttempts++;
                if (failedAttempts >= MAX_FLUSH_ATTEMPTS) {
                    throw new IllegalStateException(unprocessed.size() + " delivery marks stayed unprocessed after "
                            + failedAttempts + " attempts");
                }
                batch.addAll(unprocessed);
                backOff(failedAttempts);
            }
        }
    }

    private static void backOff(int attempt) {
        try {
            Thread.sleep(50L << attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing delivery marks", e);
        }
    }
}
