package dev.listwire.subscriptions;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * Every DynamoDB operation the app's client sends, by name, recorded by an SDK execution interceptor on
 * the real client (switched on with {@code test.count-dynamodb-calls=true}).
 */
@Singleton
@Requires(property = "test.count-dynamodb-calls", value = "true")
final class DynamoDbCalls implements ExecutionInterceptor, BeanCreatedEventListener<DynamoDbClientBuilder> {

    private static final ExecutionAttribute<Long> STARTED = new ExecutionAttribute<>("listwire-test-started");
    private final List<String> operations = new CopyOnWriteArrayList<>();
    private final List<Long> millis = new CopyOnWriteArrayList<>();

    @Override
    public DynamoDbClientBuilder onCreated(BeanCreatedEvent<DynamoDbClientBuilder> event) {
        return event.getBean().overrideConfiguration(c -> c.addExecutionInterceptor(this));
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        operations.add(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
        attributes.putAttribute(STARTED, System.nanoTime());
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        millis.add((System.nanoTime() - attributes.getAttribute(STARTED)) / 1_000_000);
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        millis.add((System.nanoTime() - attributes.getAttribute(STARTED)) / 1_000_000);
    }

    /** How long each call took, from the SDK's first step to its last, since the last {@link #take()}. */
    List<Long> durations() {
        return List.copyOf(millis);
    }

    List<String> take() {
        List<String> taken = List.copyOf(operations);
        operations.clear();
        millis.clear();
        return taken;
    }
}
