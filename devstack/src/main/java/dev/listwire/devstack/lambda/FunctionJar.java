package dev.listwire.devstack.lambda;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * A {@code function.jar} loaded as Lambda loads it: in a class loader of its own (nothing of the devstack's
 * class path leaks in), with a Micronaut application context built from the given properties only (no
 * environment variables: the devstack's own shell must not redirect a function, say to real Gmail).
 * {@link IsolatedFunction} (a list) and {@link ScheduledFunction} (the feedback function) are built on it.
 */
final class FunctionJar implements AutoCloseable {

    private final String name;
    private final URLClassLoader loader;
    private final Class<?> contextType;
    private final AutoCloseable context;

    private FunctionJar(String name, URLClassLoader loader, Map<String, Object> properties) throws Exception {
        this.name = name;
        this.loader = loader;
        this.contextType = loader.loadClass("io.micronaut.context.ApplicationContext");
        this.context = (AutoCloseable) inLoader(() -> startContext(properties));
    }

    /** Loads {@code jar} and starts its application context; the caller closes it. */
    static FunctionJar open(String name, Path jar, Map<String, Object> properties) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(name + ": " + jar + " is missing; build it with 'mvn package -DskipTests' "
                    + "(./listwire does it for you)");
        }
        URLClassLoader loader = null;
        try {
            loader = new URLClassLoader(
                    "function-" + name, new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
            return new FunctionJar(name, loader, properties);
        } catch (Exception e) {
            closeQuietly(loader);
            throw startFailed(name, e);
        }
    }

    /** Why a function did not start, with the handler's own exception rather than reflection's wrapper. */
    static IllegalStateException startFailed(String name, Exception e) {
        Throwable cause = e instanceof InvocationTargetException ite ? ite.getTargetException() : e;
        return new IllegalStateException(name + ": the function did not start: " + cause, cause);
    }

    URLClassLoader loader() {
        return loader;
    }

    /** A new handler of {@code handlerClass}, made with its {@code (ApplicationContext)} constructor. */
    Object newHandler(Class<?> handlerClass) throws Exception {
        return inLoader(() -> handlerClass.getConstructor(contextType).newInstance(context));
    }

    /** Runs {@code work} with the jar's loader as the thread's context class loader, as Lambda's runtime does. */
    <V> V inLoader(Callable<V> work) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return work.call();
        } finally {
            thread.setContextClassLoader(previous);
        }
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

    private Object startContext(Map<String, Object> properties) throws Exception {
        Object builder = contextType.getMethod("builder").invoke(null);
        Class<?> builderType = loader.loadClass("io.micronaut.context.ApplicationContextBuilder");
        builderType.getMethod("classLoader", ClassLoader.class).invoke(builder, loader);
        builderType.getMethod("properties", Map.class).invoke(builder, properties);
        builderType.getMethod("environmentPropertySource", boolean.class).invoke(builder, false);
        builderType.getMethod("deduceEnvironment", Boolean.class).invoke(builder, Boolean.FALSE);
        return builderType.getMethod("start").invoke(builder);
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
