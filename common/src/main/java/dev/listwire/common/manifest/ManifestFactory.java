package dev.listwire.common.manifest;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.io.ResourceResolver;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;

/** The manifest of the list this function serves: {@code list.json} at the root of the list's jar. */
@Factory
class ManifestFactory {

    @Singleton
    ListManifest manifest(ManifestReader reader, ResourceResolver resources,
                          @Value("${listwire.manifest:classpath:list.json}") String location) {
        try (InputStream in = resources.getResourceAsStream(location)
                .orElseThrow(() -> new InvalidManifestException("No list manifest at " + location
                        + ": a list module keeps its list.json next to its pom.xml", null))) {
            return reader.read(in, location);
        } catch (IOException e) {
            throw new InvalidManifestException("Cannot read " + location + ": " + e.getMessage(), e);
        }
    }
}
