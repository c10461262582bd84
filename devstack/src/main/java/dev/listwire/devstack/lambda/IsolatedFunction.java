package dev.listwire.devstack.lambda;

import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * A list's {@code function.jar} loaded as Lambda loads it: in a class loader of its own (nothing of the
 * devstack's class path leaks in), the event turned into the handler's {@code SQSEvent} and its
 * {@code SQSBatchResponse} back into JSON by the runtime's own serialization (aws-lambda-java-serialization,
 * on the devstack's class path as on the runtime's), chosen as the Java runtime chooses it: the event
 * serializer for a supported event type, plain Jackson for anything else. The handler runs on an application context built from the given properties
 * only (no environment variables), so two lists in one JVM each get their own queue, table and DLQ.
 */
public final class IsolatedFunction implements AutoCloseable {

    private static final String SQS_EVENT = "com.amazonaws.services.lambda.runtime.events.SQSEvent";
    private static final String BATCH_RESPONSE = "com.amazonaws.services.lambda.runtime.events.SQSBatchResponse";

    private final String name;
    private final URLClassLoader loader;
    private final AutoCloseable context;
    private final Object handler;
    private final Method handleRequest;
    private final PojoSerializer<Object> events;
    private final PojoSerializer<Object> responses;
    private final LambdaContexts contexts;

    private IsolatedFunction(String name, URLClassLoader loader, Map<String, Object> properties) throws Exception {
        this.name = name;
        this.loader = loader;
        Class<?> handlerClass = HandlerClasses.find(loader, name);
        Class<?> contextType = loader.loadClass("io.micronaut.context.ApplicationContext");
        this.context = (AutoCloseable) inLoader(() -> startContext(contextType, properties));
        this.handler = inLoader(() -> handlerClass.getConstructor(contextType).newInstance(context));
        this.contexts = new LambdaContexts(loader, name);
        this.handleRequest = handlerClass.getMethod("handleRequest", Object.class, contexts.type());
        this.events = serializer(loader.loadClass(SQS_EVENT));
        this.responses = serializer(loader.loadClass(BATCH_RESPONSE));
    }

    /** Loads {@code jar} and starts its handler; the caller closes it. */
    public static IsolatedFunction start(String name, Path jar, Map<String, Object> properties) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(name + ": " + jar + " is missing; build it with 'mvn package -DskipTests' "
                    + "(./listwire does it for you)");
        }
        URLClassLoader loader = null;
        try {
            loader = new URLClassLoader(
                    "list-" + name, new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
            return new IsolatedFunction(name, loader, properties);
        } catch (Exception e) {
            closeQuietly(loader);
            Throwable cause = e instanceof InvocationTargetException ite ? ite.getTargetException() : e;
            throw new IllegalStateException(name + ": the function did not start: " + cause, cause);
        }
    }

    /**
     * Invokes the handler with one Lambda SQS event (JSON) and returns its batch response (JSON), as the
     * Lambda runtime would; {@code timeoutMillis} is what {@code getRemainingTimeInMillis} counts down from.
     */
    public String invoke(String eventJson, long timeoutMillis) throws Exception {
        return inLoader(() -> {
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
        try {
            inLoader(() -> {
                context.close();
                return null;
            });
        } catch (Exception e) {
            System.err.println(name + ": closing the function failed: " + e);
        }
        closeQuietly(loader);
    }

    @SuppressWarnings("unchecked")
    private PojoSerializer<Object> serializer(Class<?> type) {
        return LambdaEventSerializers.isLambdaSupportedEvent(type.getName())
                ? LambdaEventSerializers.serializerFor((Class<Object>) type, loader)
                : JacksonFactory.getInstance().getSerializer((Class<Object>) type);
    }

    private Object startContext(Class<?> contextType, Map<String, Object> properties) throws Exception {
        Object builder = contextType.getMethod("builder").invoke(null);
        Class<?> builderType = loader.loadClass("io.micronaut.context.ApplicationContextBuilder");
        builderType.getMethod("classLoader", ClassLoader.class).invoke(builder, loader);
        builderType.getMethod("properties", Map.class).invoke(builder, properties);
        // The devstack's own shell must not redirect a list (say to real Gmail): properties only.
        builderType.getMethod("environmentPropertySource", boolean.class).invoke(builder, false);
        builderType.getMethod("deduceEnvironment", Boolean.class).invoke(builder, Boolean.FALSE);
        return builderType.getMethod("start").invoke(builder);
    }

    private <V> V inLoader(Callable<V> work) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return work.call();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static void closeQuietly(URLClassLoader loader) {
        if (loader != null) {
            try {
                loader.close();
            } catch (IOException ignored) {
                // nothing left to release
            }
        }
    }
}
