package dev.listwire.feedback.reports;

import io.micronaut.json.tree.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reading the fields of an SES notification by their path, so that a notification of the wrong shape is refused
 * with the field that is wrong ({@link BadShape}), which the handler sends to the DLQ as the reason.
 */
final class SesJson {

    private SesJson() {}

    /** A field that is missing or of the wrong type, named by its path ({@code bounce.bouncedRecipients}). */
    static final class BadShape extends Exception {
        BadShape(String message) {
            super(message, null, false, false);
        }
    }

    static JsonNode object(JsonNode parent, String path, String name) throws BadShape {
        JsonNode node = parent.get(name);
        if (node == null || !node.isObject()) {
            throw new BadShape(path(path, name) + " is missing or not an object");
        }
        return node;
    }

    static String text(JsonNode parent, String path, String name) throws BadShape {
        return optionalText(parent, name)
                .orElseThrow(() -> new BadShape(path(path, name) + " is missing or not a non-empty string"));
    }

    static Optional<String> optionalText(JsonNode parent, String name) {
        JsonNode node = parent.get(name);
        return node != null && node.isString() && !node.getStringValue().isBlank()
                ? Optional.of(node.getStringValue())
                : Optional.empty();
    }

    /** A non-empty array of objects. */
    static List<JsonNode> objects(JsonNode parent, String path, String name) throws BadShape {
        List<JsonNode> items = array(parent, path, name);
        for (JsonNode item : items) {
            if (!item.isObject()) {
                throw new BadShape(path(path, name) + "[] holds something that is not an object");
            }
        }
        return items;
    }

    /** A non-empty array of strings. */
    static List<String> texts(JsonNode parent, String path, String name) throws BadShape {
        List<String> texts = new ArrayList<>();
        for (JsonNode item : array(parent, path, name)) {
            if (!item.isString() || item.getStringValue().isBlank()) {
                throw new BadShape(path(path, name) + "[] holds something that is not an address");
            }
            texts.add(item.getStringValue());
        }
        return texts;
    }

    private static List<JsonNode> array(JsonNode parent, String path, String name) throws BadShape {
        JsonNode node = parent.get(name);
        if (node == null || !node.isArray() || node.size() == 0) {
            throw new BadShape(path(path, name) + " is missing, empty or not an array");
        }
        List<JsonNode> items = new ArrayList<>();
        node.values().forEach(items::add);
        return items;
    }

    private static String path(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
