package dev.listwire.terraform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What an app reads and calls, read from its Java sources rather than restated in the tests: the settings
 * of its {@code @ConfigurationProperties} records and the {@code listwire.*} keys of its
 * application.properties, as the environment variables that set them, and the DynamoDB calls a class makes.
 */
final class AppSources {

    private static final Pattern PROPERTIES = Pattern.compile("@ConfigurationProperties\\(\"([^\"]+)\"\\)");
    private static final Pattern RECORD = Pattern.compile("\\brecord\\s+\\w+\\s*\\(");
    private static final Pattern DYNAMODB_CALL = Pattern.compile("dynamoDb\\.(\\w+)\\(");

    private AppSources() {}

    /**
     * The environment variables an app with these sources reads. A map-valued setting is read only with a
     * key after its name ({@code LISTWIRE_SUBSCRIPTIONS_TABLES_<KEY>}), so it counts as "<NAME>_*".
     */
    static Set<String> environmentNames(List<Path> sourceRoots, List<Path> propertyFiles) {
        Set<String> names = new TreeSet<>();
        for (Path root : sourceRoots) {
            for (Path file : javaFiles(root)) {
                String text = read(file);
                Matcher prefix = PROPERTIES.matcher(text);
                Matcher record = RECORD.matcher(text);
                if (prefix.find() && record.find(prefix.end())) {
                    for (String component : components(text, record.end())) {
                        String[] words = component.trim().split("\\s+");
                        String env = env(prefix.group(1) + "." + kebab(words[words.length - 1]));
                        names.add(component.contains("Map<") ? env + "_*" : env);
                    }
                }
            }
        }
        for (Path file : propertyFiles) {
            read(file)
                    .lines()
                    .map(String::trim)
                    .filter(l -> l.startsWith("listwire.") && l.contains("="))
                    .forEach(l -> names.add(env(l.substring(0, l.indexOf('=')).trim())));
        }
        return names;
    }

    /** Whether an app that reads {@code names} reads the variable {@code env}. */
    static boolean reads(Set<String> names, String env) {
        return names.contains(env)
                || names.stream()
                        .anyMatch(n -> n.endsWith("_*")
                                && env.startsWith(n.substring(0, n.length() - 1))
                                && env.length() > n.length() - 1);
    }

    /** The DynamoDB operations a class calls on its client, as IAM names them: dynamodb:UpdateItem. */
    static Set<String> dynamoDbActions(Path javaFile) {
        Set<String> actions = new TreeSet<>();
        Matcher call = DYNAMODB_CALL.matcher(read(javaFile));
        while (call.find()) {
            String op = call.group(1).replace("Paginator", "");
            actions.add("dynamodb:" + Character.toUpperCase(op.charAt(0)) + op.substring(1));
        }
        return actions;
    }

    /** The value of a {@code static final String NAME = "..."} constant. */
    static String constant(Path javaFile, String name) {
        Matcher m = Pattern.compile("static final String " + name + " = \"([^\"]*)\"")
                .matcher(read(javaFile));
        if (!m.find()) {
            throw new AssertionError(javaFile + " has no constant " + name);
        }
        return m.group(1);
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The record's components: split at the commas outside parentheses and angle brackets. */
    private static List<String> components(String text, int from) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        StringBuilder part = new StringBuilder();
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (depth == 0 && c == ')') {
                break;
            }
            if (c == '(' || c == '<') {
                depth++;
            } else if (c == ')' || c == '>') {
                depth--;
            }
            if (depth == 0 && c == ',') {
                parts.add(part.toString());
                part.setLength(0);
            } else {
                part.append(c);
            }
        }
        if (!part.toString().isBlank()) {
            parts.add(part.toString());
        }
        return parts;
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    private static String env(String property) {
        return property.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    private static List<Path> javaFiles(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
