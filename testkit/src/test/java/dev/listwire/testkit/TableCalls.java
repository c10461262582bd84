package dev.listwire.testkit;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The DynamoDB calls that name one table, counted by operation, on every client in this JVM (the AWS SDK
 * loads it from {@code software/amazon/awssdk/global/handlers/execution.interceptors}), the list functions'
 * clients among them; tables are unique per test, so parallel tests do not mix. It can also refuse every
 * {@code UpdateItem} on a table: a fault that dynalite cannot be made to give on its own between a read
 * and a write of the same table, so this is a fake, and the tests that use it say so.
 */
public final class TableCalls implements ExecutionInterceptor {

    private static final Map<String, Map<String, AtomicInteger>> CALLS = new ConcurrentHashMap<>();
    private static final Set<String> FAILING_UPDATES = ConcurrentHashMap.newKeySet();

    /** How many {@code operation} calls named {@code table} so far. */
    public static int count(String table, String operation) {
        AtomicInteger n = CALLS.getOrDefault(table, Map.of()).get(operation);
        return n == null ? 0 : n.get();
    }

    /** The calls made on {@code table} so far, by operation ({@code UpdateItem}, …). */
    public static Map<String, Integer> counts(String table) {
        Map<String, Integer> counts = new TreeMap<>();
        CALLS.getOrDefault(table, Map.of()).forEach((operation, n) -> counts.put(operation, n.get()));
        return counts;
    }

    /** From now on every {@code UpdateItem} on {@code table} fails as a DynamoDB error would. */
    public static void failUpdates(String table) {
        FAILING_UPDATES.add(table);
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        if (!"DynamoDB".equalsIgnoreCase(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME))) {
            return;
        }
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        for (String table : tables(context.request())) {
            CALLS.computeIfAbsent(table, t -> new ConcurrentHashMap<>())
                    .computeIfAbsent(operation, o -> new AtomicInteger())
                    .incrementAndGet();
            if (context.request() instanceof UpdateItemRequest && FAILING_UPDATES.contains(table)) {
                throw DynamoDbException.builder()
                        .message("TableCalls refuses UpdateItem on " + table)
                        .statusCode(500)
                        .build();
            }
        }
    }

    private static Set<String> tables(SdkRequest request) {
        if (request instanceof BatchGetItemRequest batch) {
            return batch.requestItems().keySet();
        }
        if (request instanceof BatchWriteItemRequest batch) {
            return batch.requestItems().keySet();
        }
        return request.getValueForField("TableName", String.class).map(Set::of).orElse(Set.of());
    }
}
