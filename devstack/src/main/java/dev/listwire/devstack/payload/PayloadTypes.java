package dev.listwire.devstack.payload;

import dev.listwire.devstack.lambda.HandlerClasses;
import dev.listwire.devstack.lists.ListModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.util.function.Function;

/**
 * A list's payload record, read from its {@code function.jar}: the type argument of its
 * {@code ListFunction<T>}. The jar's classes sit on top of this tool's own, so the Jakarta Validation
 * annotations on the record are the ones the schema generator knows.
 */
final class PayloadTypes {

    private PayloadTypes() {}

    /** Runs {@code work} on the list's payload record, then lets go of the jar. */
    static <T> T with(ListModule list, Function<Class<?>, T> work) {
        if (!Files.isRegularFile(list.functionJar())) {
            throw new IllegalStateException(list.name() + ": " + list.functionJar() + " is missing; build it with "
                    + "'mvn package -DskipTests' (./listwire does it for you)");
        }
        try (URLClassLoader loader = new URLClassLoader(
                "payload-" + list.name(),
                new URL[] {list.functionJar().toUri().toURL()},
                PayloadTypes.class.getClassLoader())) {
            Class<?> handler = HandlerClasses.find(loader, list.name());
            for (Class<?> c = handler; c != null; c = c.getSuperclass()) {
                Type parent = c.getGenericSuperclass();
                if (parent instanceof ParameterizedType p
                        && p.getRawType().getTypeName().equals(HandlerClasses.LIST_FUNCTION)
                        && p.getActualTypeArguments()[0] instanceof Class<?> payload) {
                    return work.apply(payload);
                }
            }
            throw new IllegalStateException(list.name() + ": " + handler.getName() + " does not name its payload type");
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
