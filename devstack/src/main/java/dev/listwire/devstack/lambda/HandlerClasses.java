package dev.listwire.devstack.lambda;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Finds a list's handler in its jar: the one concrete class that extends {@code ListFunction}. Looking it
 * up rather than naming it keeps the manifest free of Java details and a new list free of devstack edits.
 */
public final class HandlerClasses {

    public static final String LIST_FUNCTION = "dev.listwire.common.function.ListFunction";

    private HandlerClasses() {}

    public static Class<?> find(URLClassLoader loader, String list) throws IOException {
        List<Class<?>> handlers = new ArrayList<>();
        for (URL url : loader.getURLs()) {
            try (JarFile jar = new JarFile(url.getPath())) {
                Enumeration<JarEntry> entries = jar.entries();
                while (entries.hasMoreElements()) {
                    String entry = entries.nextElement().getName();
                    if (entry.endsWith("Function.class")
                            && !entry.contains("$")
                            && !entry.startsWith("dev/listwire/common/")
                            && !entry.startsWith("io/micronaut/")
                            && !entry.startsWith("com/amazonaws/")) {
                        candidate(loader, entry).ifPresent(handlers::add);
                    }
                }
            }
        }
        if (handlers.size() != 1) {
            throw new IllegalStateException(list + ": expected one class extending ListFunction in function.jar, found "
                    + handlers.stream().map(Class::getName).toList());
        }
        return handlers.get(0);
    }

    private static java.util.Optional<Class<?>> candidate(ClassLoader loader, String entry) {
        String name = entry.substring(0, entry.length() - ".class".length()).replace('/', '.');
        try {
            Class<?> type = Class.forName(name, false, loader);
            for (Class<?> c = type.getSuperclass(); c != null; c = c.getSuperclass()) {
                if (c.getName().equals(LIST_FUNCTION)) {
                    return java.lang.reflect.Modifier.isAbstract(type.getModifiers())
                            ? java.util.Optional.empty()
                            : java.util.Optional.of(type);
                }
            }
        } catch (ClassNotFoundException | LinkageError notLoadable) {
            // Not a handler: a class whose dependencies are not in the jar.
        }
        return java.util.Optional.empty();
    }
}
