package dev.listwire.bench;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;

/**
 * Counts every DynamoDB request this JVM makes, by operation. The AWS SDK loads it for every client it
 * builds, the function's included, from {@code software/amazon/awssdk/global/handlers/execution.interceptors}.
 * It counts only in a JVM that asked for it ({@link #reset()}, the continuations benchmark): the provider
 * and CPU benchmarks' function JVMs have the bench jar on their class path too, and there it returns at
 * once, so that its work is not measured as the function's.
 */
public final class DynamoDbCalls implements ExecutionInterceptor {

    private static final Map<String, AtomicLong> CALLS = new ConcurrentHashMap<>();
    /** Items written by BatchWriteItem requests: each is a write request unit of its own (items under 1 KB). */
    private static final AtomicLong BATCH_ITEMS = new AtomicLong();

    private static volatile boolean counting;

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        if (counting && "DynamoDB".equalsIgnoreCase(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME))) {
            CALLS.computeIfAbsent(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME), k -> new AtomicLong())
                    .incrementAndGet();
            if (context.request() instanceof BatchWriteItemRequest batch) {
                BATCH_ITEMS.addAndGet(batch.requestItems().values().stream()
                        .mapToLong(java.util.List::size)
                        .sum());
            }
        }
    }

    /** Starts counting in this JVM, from zero. */
    static void reset() {
        counting = true;
        CALLS.clear();
        BATCH_ITEMS.set(0);
    }

    /**
     * Write request units, as on-demand DynamoDB bills them for items under 1 KB: one per PutItem,
     * UpdateItem and DeleteItem, one per item a BatchWriteItem writes.
     */
    static long writeUnits() {
        return byOperation().entrySet().stream()
                        .filter(e ->
                                List.of("PutItem", "UpdateItem", "DeleteItem").contains(e.getKey()))
                        .mapToLong(Map.Entry::getValue)
                        .sum()
                + BATCH_ITEMS.get();
    }

    static long total() {
        return CALLS.values().stream().mapToLong(AtomicLong::get).sum();
    }

    static Map<String, Long> byOperation() {
        Map<String, Long> copy = new TreeMap<>();
        CALLS.forEach((op, n) -> copy.put(op, n.get()));
        return copy;
    }
}
