package dev.listwire.common.manifest;

import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Reads and checks a list manifest, so that a bad one fails at start-up with every problem named. */
@Singleton
public final class ManifestReader {

    /** The rule the archetype enforces too: it names the queue, the table and the function. */
    public static final Pattern LIST_NAME = Pattern.compile("^[a-z][a-z0-9-]{2,62}$");

    private static final Pattern ADDRESS = Pattern.compile("^[^@\\s<>\"]+@[^@\\s<>\"]+\\.[^@\\s<>\"]+$");

    private final JsonMapper json;

    public ManifestReader(JsonMapper json) {
        this.json = json;
    }

    public ListManifest read(InputStream in, String source) {
        ListManifest manifest;
        try {
            manifest = json.readValue(in, ListManifest.class);
        } catch (IOException | RuntimeException e) {
            throw new InvalidManifestException(source + " is not a valid list manifest: " + e.getMessage(), e);
        }
        List<String> problems = problems(manifest);
        if (!problems.isEmpty()) {
            throw new InvalidManifestException(
                    source + " is not a valid list manifest: " + String.join("; ", problems), null);
        }
        return manifest;
    }

    static List<String> problems(ListManifest m) {
        List<String> problems = new ArrayList<>();
        if (m.name() == null || !LIST_NAME.matcher(m.name()).matches()) {
            problems.add("name must match " + LIST_NAME.pattern());
        }
        if (blank(m.title())) {
            problems.add("title is required");
        }
        if (m.description() == null) {
            problems.add("description is required");
        }
        if (m.from() == null
                || m.from().address() == null
                || !ADDRESS.matcher(m.from().address()).matches()) {
            problems.add("from.address must be an email address");
        }
        if (m.kind() == null) {
            problems.add("kind must be \"subscription\" or \"transactional\"");
        }
        ListManifest.Tuning t = m.tuning();
        if (t == null) {
            problems.add("tuning is required");
            return problems;
        }
        if (t.batchSize() < 1 || t.batchSize() > 10_000) {
            problems.add("tuning.batchSize must be 1..10000");
        }
        if (t.timeoutSeconds() < 1 || t.timeoutSeconds() > 900) {
            problems.add("tuning.timeoutSeconds must be 1..900 (the Lambda limit)");
        }
        if (t.maxReceives() < 1) {
            problems.add("tuning.maxReceives must be at least 1");
        }
        if (!(t.sendRatePerSecond() > 0)) {
            problems.add("tuning.sendRatePerSecond must be above 0");
        }
        if (t.maxConcurrency() != null && (t.maxConcurrency() < 2 || t.maxConcurrency() > 1000)) {
            problems.add("tuning.maxConcurrency must be 2..1000 (the SQS event source mapping's range)");
        }
        if (t.scanSegments() != null && (t.scanSegments() < 1 || t.scanSegments() > 100)) {
            problems.add("tuning.scanSegments must be 1..100");
        }
        return problems;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
