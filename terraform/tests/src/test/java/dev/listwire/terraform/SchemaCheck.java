package dev.listwire.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every {@code aws_*} resource and data block of some .tf files against the provider's schema
 * ({@link ProviderSchema}): each argument and nested block, recursively, must exist; every required one must
 * be given, or come from a {@code dynamic} block. An argument the schema does not know is accepted only if
 * {@code newer} lists it (by "aws_lambda_permission.invoked_via_function_url", nested blocks' names joined
 * with dots) with the provider version that added it.
 */
final class SchemaCheck {

    /** What a check found: the problems, the newer arguments it met (path → version), and how much it read. */
    record Result(List<String> problems, Map<String, String> newerUsed, int blocks, int nestedBlocks, int arguments) {}

    private static final Set<String> RESOURCE_META =
            Set.of("count", "for_each", "depends_on", "provider", "lifecycle", "provisioner", "connection");
    private static final Set<String> DATA_META = Set.of("count", "for_each", "depends_on", "provider", "lifecycle");

    private final Map<String, String> newer;
    private final List<String> problems = new ArrayList<>();
    private final Map<String, String> newerUsed = new TreeMap<>();
    private int blocks;
    private int nestedBlocks;
    private int arguments;

    private SchemaCheck(Map<String, String> newer) {
        this.newer = newer;
    }

    /** Checks the {@code aws_*} resources and data sources of {@code files} (path → parsed file). */
    static Result run(Map<String, Hcl.File> files, Map<String, String> newer) {
        SchemaCheck check = new SchemaCheck(newer);
        files.values().forEach(check::file);
        return new Result(
                List.copyOf(check.problems),
                Map.copyOf(check.newerUsed),
                check.blocks,
                check.nestedBlocks,
                check.arguments);
    }

    private void file(Hcl.File file) {
        for (String kind : List.of("resource", "data")) {
            for (Iterator<Map.Entry<String, JsonNode>> types =
                            file.body().path(kind).fields();
                    types.hasNext(); ) {
                Map.Entry<String, JsonNode> type = types.next();
                if (!type.getKey().startsWith("aws_")) {
                    continue;
                }
                type.getValue()
                        .fields()
                        .forEachRemaining(named -> named.getValue().forEach(body -> {
                            String where = file.path() + ": " + kind + " " + type.getKey() + "." + named.getKey();
                            block(kind, type.getKey(), where, body);
                        }));
            }
        }
    }

    private void block(String kind, String type, String where, JsonNode body) {
        blocks++;
        ProviderSchema.of(kind, type)
                .ifPresentOrElse(
                        schema -> {
                            String prefix = (kind.equals("data") ? "data." : "") + type;
                            Set<String> meta = kind.equals("data") ? DATA_META : RESOURCE_META;
                            fields(schema, schema.config(), body, new At(where, prefix, ""), meta);
                        },
                        () -> problems.add(where + ": the provider has no " + kind + " type " + type));
    }

    /** Where a body is: the block's address for messages, and the key into the newer-arguments table. */
    private record At(String where, String key, String inside) {

        At into(String name) {
            return new At(where, key + "." + name, inside.isEmpty() ? name : inside + "." + name);
        }

        String name(String name) {
            return inside.isEmpty() ? name : inside + "." + name;
        }
    }

    private void fields(ProviderSchema.Type schema, String struct, JsonNode body, At at, Set<String> meta) {
        Map<String, ProviderSchema.Field> fields = schema.fields(struct);
        JsonNode dynamic = body.path("dynamic");
        body.fields().forEachRemaining(entry -> {
            String name = entry.getKey();
            if (meta.contains(name) || name.equals("dynamic")) {
                return;
            }
            ProviderSchema.Field field = fields.get(name);
            boolean blockValue = isBlocks(entry.getValue());
            if (field == null) {
                unknown(at, name, blockValue ? "block" : "argument");
            } else if (field.block().isEmpty()) {
                arguments++;
            } else if (!blockValue) {
                problems.add(at.where() + ": " + at.name(name) + " is a block, written here as an argument");
            } else {
                entry.getValue().forEach(nested -> nested(schema, field, nested, at.into(name)));
            }
        });
        dynamic.fields().forEachRemaining(entry -> {
            ProviderSchema.Field field = fields.get(entry.getKey());
            if (field == null || field.block().isEmpty()) {
                unknown(at, entry.getKey(), "block (dynamic)");
                return;
            }
            entry.getValue()
                    .forEach(d -> d.path("content")
                            .forEach(content -> nested(schema, field, content, at.into(entry.getKey()))));
        });
        fields.values().forEach(field -> {
            if (field.required() && !body.has(field.name()) && !dynamic.has(field.name())) {
                String what = field.block().isPresent() ? "block" : "argument";
                problems.add(at.where() + ": missing required " + what + " " + at.name(field.name()));
            }
        });
    }

    private void nested(ProviderSchema.Type schema, ProviderSchema.Field field, JsonNode body, At at) {
        nestedBlocks++;
        fields(schema, field.block().orElseThrow(), body, at, Set.of());
    }

    private void unknown(At at, String name, String what) {
        String key = at.into(name).key();
        if (newer.containsKey(key)) {
            newerUsed.put(key, newer.get(key));
            arguments++;
        } else {
            problems.add(at.where() + ": unknown " + what + " " + at.name(name));
        }
    }

    /** A block in HCL JSON is a list of objects; an argument is anything else (a literal or "${...}"). */
    private static boolean isBlocks(JsonNode value) {
        if (!value.isArray() || value.isEmpty()) {
            return false;
        }
        for (JsonNode element : value) {
            if (!element.isObject()) {
                return false;
            }
        }
        return true;
    }
}
