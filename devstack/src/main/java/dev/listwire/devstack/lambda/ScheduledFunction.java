package dev.listwire.devstack.lambda;

import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;

/**
 * A function that a schedule invokes (EventBridge Scheduler in AWS), loaded from its {@code function.jar} as
 * {@link FunctionJar} loads one, with the handler Terraform names ({@code Class::handleRequest}, made with its
 * {@code (ApplicationContext)} constructor). Its input is read into the handler's own input type by the runtime's
 * serialization, as Lambda does; a scheduled handler ignores it.
 */
public final class ScheduledFunction implements AutoCloseable {

    private final String name;
    private final FunctionJar jar;
    private final Object handler;
    private final Method handleRequest;
    private final PojoSerializer<Object> inputs;
    private final LambdaContexts contexts;

    private ScheduledFunction(String name, FunctionJar jar, String handlerClass) throws Exception {
        this.name = name;
        this.jar = jar;
        Class<?> type = jar.loader().loadClass(handlerClass);
        this.handler = jar.newHandler(type);
        this.contexts = new LambdaContexts(jar.loader(), name);
        this.handleRequest = handleRequest(type, contexts.type());
        this.inputs = IsolatedFunction.serializer(jar.loader(), handleRequest.getParameterTypes()[0]);
    }

    /** Loads {@code jar} and starts {@code handlerClass} in it; the caller closes it. */
    public static ScheduledFunction start(String name, Path jar, String handlerClass, Map<String, Object> properties) {
        FunctionJar loaded = FunctionJar.open(name, jar, properties);
        try {
            return new ScheduledFunction(name, loaded, handlerClass);
        } catch (Exception e) {
            loaded.close();
            throw FunctionJar.startFailed(name, e);
        }
    }

    /**
     * Invokes the handler once with {@code inputJson}, as the schedule does; {@code timeoutMillis} is what
     * {@code getRemainingTimeInMillis} counts down from. Returns what the handler returned, as text, for a log.
     */
    public String invoke(String inputJson, long timeoutMillis) throws Exception {
        return jar.inLoader(() -> {
            Object input = inputs.fromJson(inputJson);
            try {
                return String.valueOf(handleRequest.invoke(handler, input, contexts.create(timeoutMillis)));
            } catch (InvocationTargetException e) {
                throw e.getTargetException() instanceof Exception ex ? ex : e;
            }
        });
    }

    public String name() {
        return name;
    }

    @Override
    public void close() {
        jar.close();
    }

    /** {@code handleRequest(input, Context)}: the handler's own, not the bridge a generic superclass adds. */
    private static Method handleRequest(Class<?> type, Class<?> contextType) throws NoSuchMethodException {
        return Arrays.stream(type.getMethods())
                .filter(m -> m.getName().equals("handleRequest") && m.getParameterCount() == 2)
                .filter(m -> m.getParameterTypes()[1].equals(contextType))
                .min(Comparator.comparing(Method::isBridge))
                .orElseThrow(() -> new NoSuchMethodException(type.getName() + " has no handleRequest(input, Context)"));
    }
}
