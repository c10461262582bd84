package dev.listwire.devstack.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The devstack's state on disk ({@code .devstack/} by default): dynalite's tables, ElasticMQ's messages,
 * logs, and the link-signing key made at the first start, so links in emails keep working across restarts.
 */
record StateDirectory(Path root) {

    StateDirectory {
        try {
            Files.createDirectories(root.resolve("sqs"));
            Files.createDirectories(root.resolve("dynamodb"));
        } catch (IOException e) {
            throw new DevstackException("Cannot create the devstack's state folder " + root + ": " + e.getMessage(), e);
        }
    }

    Path dynamoDb() {
        return root.resolve("dynamodb");
    }

    Path log(String name) {
        return root.resolve(name + ".log");
    }

    /** A random key for this machine's devstack only; in AWS the key comes from SSM Parameter Store. */
    String linksKey() {
        Path file = root.resolve("links-key");
        try {
            if (!Files.exists(file)) {
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                Files.writeString(file, Base64.getUrlEncoder().withoutPadding().encodeToString(key));
            }
            return Files.readString(file).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Forgets every table, queued message and key (./listwire devstack --reset). */
    static void delete(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
