package dev.listwire.bench;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts every DynamoDB request this JVM makes, by operation. The AWS SDK loads it for every client it
 * builds, the function's included, from {@code software/amazon/awssdk/global/handlers/execution.interceptors}.
 */
public final class DynamoDbCalls implements ExecutionInterceptor {

    private static final Map<String, AtomicLong> CALLS = new ConcurrentHashMap<>();

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        if ("DynamoDB".equalsIgnoreCase(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME))) {
            CALLS.computeIfAbsent(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME), k -> new AtomicLong())
                    .incrementAndGet();
        }
    }

    static void reset() {
        CALLS.clear();
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
