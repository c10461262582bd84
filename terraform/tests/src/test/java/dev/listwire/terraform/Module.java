package dev.listwire.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One Terraform module (the .tf files of one directory) as HCL JSON: every file's blocks merged, as
 * Terraform merges them. Block bodies are JSON objects; an expression is a string "${...}".
 */
record Module(String dir, List<Hcl.File> files, ObjectNode blocks) {

    static Module root() {
        return at(Repository.terraform(), "");
    }

    static Module list() {
        return at(Repository.terraform(), "modules/list");
    }

    static Module subscriptions() {
        return at(Repository.terraform(), "modules/subscriptions");
    }

    static Module feedback() {
        return at(Repository.terraform(), "modules/feedback");
    }

    static Module function() {
        return at(Repository.terraform(), "modules/function");
    }

    /** The CI roles, a root module of its own that an administrator applies once (terraform/ci). */
    static Module ci() {
        return at(Repository.terraform(), "ci");
    }

    static List<Module> all() {
        return List.of(root(), list(), subscriptions(), feedback(), function(), ci());
    }

    /** The module in directory {@code dir} (relative to {@code terraform}; "" for the root module). */
    static Module at(Path terraform, String dir) {
        String prefix = dir.isEmpty() ? "" : dir + "/";
        List<Hcl.File> files = new ArrayList<>();
        ObjectNode blocks = JsonNodeFactory.instance.objectNode();
        for (Hcl.File file : Hcl.parse(terraform).values()) {
            String rest = file.path().startsWith(prefix) ? file.path().substring(prefix.length()) : null;
            if (rest != null && !rest.contains("/")) {
                files.add(file);
                merge(blocks, file.body());
            }
        }
        return new Module(dir.isEmpty() ? "terraform" : "terraform/" + dir, files, blocks);
    }

    @Override
    public String toString() {
        return dir;
    }

    /** Blocks of one kind and type, by name: {@code named("resource", "aws_sqs_queue")}. */
    Map<String, JsonNode> named(String kind, String type) {
        Map<String, JsonNode> found = new LinkedHashMap<>();
        blocks.path(kind)
                .path(type)
                .fields()
                .forEachRemaining(e -> found.put(e.getKey(), e.getValue().get(0)));
        return found;
    }

    JsonNode resource(String type, String name) {
        return require(blocks.path("resource").path(type).path(name), "resource " + type + "." + name)
                .get(0);
    }

    JsonNode data(String type, String name) {
        return require(blocks.path("data").path(type).path(name), "data " + type + "." + name)
                .get(0);
    }

    JsonNode variable(String name) {
        return require(blocks.path("variable").path(name), "variable " + name).get(0);
    }

    JsonNode moduleCall(String name) {
        return require(blocks.path("module").path(name), "module " + name).get(0);
    }

    /** The body of {@code kind.name} (kinds with one label: variable, output, module). */
    Map<String, JsonNode> blocks(String kind) {
        Map<String, JsonNode> found = new LinkedHashMap<>();
        blocks.path(kind)
                .fields()
                .forEachRemaining(e -> found.put(e.getKey(), e.getValue().get(0)));
        return found;
    }

    /** Every resource and data source: "resource aws_sqs_queue.this" → body. */
    Map<String, JsonNode> resourcesAndData() {
        Map<String, JsonNode> found = new LinkedHashMap<>();
        for (String kind : List.of("resource", "data")) {
            blocks.path(kind)
                    .fields()
                    .forEachRemaining(type -> type.getValue()
                            .fields()
                            .forEachRemaining(name -> found.put(
                                    kind + " " + type.getKey() + "." + name.getKey(),
                                    name.getValue().get(0))));
        }
        return found;
    }

    JsonNode local(String name) {
        for (JsonNode locals : blocks.path("locals")) {
            if (locals.has(name)) {
                return locals.get(name);
            }
        }
        throw new AssertionError(dir + " has no local." + name);
    }

    /** The expression inside "${...}", whitespace collapsed; a literal as its text. */
    static String expr(JsonNode value) {
        String text = value.isTextual() ? value.asText() : value.toString();
        if (text.startsWith("${") && text.endsWith("}")) {
            text = text.substring(2, text.length() - 1);
        }
        return text.replaceAll("\\s+", " ").trim();
    }

    private JsonNode require(JsonNode node, String what) {
        if (node.isMissingNode() || node.isEmpty()) {
            throw new AssertionError(dir + " has no " + what);
        }
        return node;
    }

    private static void merge(ObjectNode into, JsonNode from) {
        for (Iterator<Map.Entry<String, JsonNode>> it = from.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode existing = into.get(field.getKey());
            if (existing instanceof ObjectNode target && field.getValue().isObject()) {
                merge(target, field.getValue());
            } else if (existing != null
                    && existing.isArray()
                    && field.getValue().isArray()) {
                ((ArrayNode) existing).addAll((ArrayNode) field.getValue());
            } else {
                into.set(field.getKey(), field.getValue().deepCopy());
            }
        }
    }
}
