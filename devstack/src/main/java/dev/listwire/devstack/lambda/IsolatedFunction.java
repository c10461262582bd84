package dev.listwire.devstack.lambda;

import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * A list's {@code function.jar} loaded as Lambda loads it ({@link FunctionJar}: a class loader of its own, a
 * context from the given properties only, so two lists in one JVM each get their own queue, table and DLQ),
 * the event turned into the handler's {@code SQSEvent} and its {@code SQSBatchResponse} back into JSON by the
 * runtime's own serialization (aws-lambda-java-serialization, on the devstack's class path as on the
 * runtime's), chosen as the Java runtime chooses it: the event serializer for a supported event type, plain
 * Jackson for anything else.
 */
public final class IsolatedFunction implements AutoCloseable {

    private static final String SQS_EVENT = "com.amazonaws.services.lambda.runtime.events.SQSEvent";
    private static final String BATCH_RESPONSE = "com.amazonaws.services.lambda.runtime.events.SQSBatchResponse";

    private final String name;
    private final FunctionJar jar;
    private final Object handler;
    private final Method handleRequest;
    private final PojoSerializer<Object> events;
    private final PojoSerializer<Object> responses;
    private final LambdaContexts contexts;

    private IsolatedFunction(String name, FunctionJar jar) throws Exception {
        this.name = name;
        this.jar = jar;
        Class<?> handlerClass = HandlerClasses.find(jar.loader(), name);
        this.handler = jar.newHandler(handlerClass);
        this.contexts = new LambdaContexts(jar.loader(), name);
        this.handleRequest = handlerClass.getMethod("handleRequest", Object.class, contexts.type());
        this.events = serializer(jar.loader(), jar.loader().loadClass(SQS_EVENT));
        this.responses = serializer(jar.loader(), jar.loader().loadClass(BATCH_RESPONSE));
    }

    /** Loads {@code jar} and starts its handler; the caller closes it. */
    public static IsolatedFunction start(String name, Path jar, Map<String, Object> properties) {
        FunctionJar loaded = FunctionJar.open(name, jar, properties);
        try {
            return new IsolatedFunction(name, loaded);
        } catch (Exception e) {
            loaded.close();
            throw FunctionJar.startFailed(name, e);
        }
    }

    /**
     * Invokes the handler with one Lambda SQS event (JSON) and returns its batch response (JSON), as the
     * Lambda runtime would; {@code timeoutMillis} is what {@code getRemainingTimeInMillis} counts down from.
     */
    public String invoke(String eventJson, long timeoutMillis) throws Exception {
        return jar.inLoader(() -> {
            Object event = events.fromJson(eventJson);
            Object response;
            try {
                response = handleRequest.invoke(handler, event, contexts.create(timeoutMillis));
            } catch (InvocationTargetException e) {
                throw e.getTargetException() instanceof Exception ex ? ex : e;
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            responses.toJson(response, out);
            return out.toString(StandardCharsets.UTF_8);
        });
    }

    public String name() {
        return name;
    }

    @Override
    public void close() {
        jar.close();
    }

    /** The serializer the Java runtime picks for {@code type}: its own for a Lambda event, Jackson otherwise. */
    @SuppressWarnings("unchecked")
    static PojoSerializer<Object> serializer(ClassLoader loader, Class<?> type) {
        return LambdaEventSerializers.isLambdaSupportedEvent(type.getName())
                ? LambdaEventSerializers.serializerFor((Class<Object>) type, loader)
                : JacksonFactory.getInstance().getSerializer((Class<Object>) type);
    }
}
