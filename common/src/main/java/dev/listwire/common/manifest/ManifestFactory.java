package dev.listwire.common.manifest;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;

/** The manifest of the list this function serves: {@code list.json} at the root of the list's jar. */
@Factory
class ManifestFactory {

    private static final String CLASSPATH = "classpath:";

    /*
     * Read with the class loader itself, not Micronaut's ResourceResolver: under Lambda's Java runtime the
     * function's classes come from a CustomerClassLoader, for which the resolver finds nothing at the
     * class path root (LambdaIT runs the jar under that runtime and caught it).
     */
    @Singleton
    ListManifest manifest(ManifestReader reader, @Value("${listwire.manifest:classpath:list.json}") String location) {
        String path = location.startsWith(CLASSPATH) ? location.substring(CLASSPATH.length()) : location;
        InputStream found = ManifestFactory.class.getClassLoader().getResourceAsStream(path);
        if (found == null) {
            throw new InvalidManifestException(
                    "No list manifest at " + location
                            + " on the class path: a list module keeps its list.json next to its pom.xml",
                    null);
        }
        try (InputStream in = found) {
            return reader.read(in, location);
        } catch (IOException e) {
            throw new InvalidManifestException("Cannot read " + location + ": " + e.getMessage(), e);
        }
    }
}
