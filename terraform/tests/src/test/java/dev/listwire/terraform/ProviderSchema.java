package dev.listwire.terraform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The AWS provider's schema as npm {@code @cdktf/provider-aws} generated it, one resource or data source at a
 * time. Each lives in {@code lib/<name>/}; its TypeScript declarations ({@code *.d.ts}, a few hundred KB,
 * unlike the 130 MB {@code .jsii}) hold a {@code …Config} interface for the block's own arguments and one
 * interface per nested block. In them a property without {@code ?} is required, its doc link's fragment
 * ({@code …/docs/resources/dynamodb_table#hash_key}) is its Terraform name, and a nested block's doc says
 * "{@code <name> block}" (a nested attribute of object type, which is not written as a block, does not).
 * The names are checked against the package's JavaScript, which cdktf writes HCL with ({@code
 * synthesizeHclAttributes} and the {@code …ToHclTerraform} functions): a declaration the parser misread fails
 * loudly instead of letting an argument through.
 */
final class ProviderSchema {

    /** One argument or nested block: its Terraform name, whether it is required, its block's interface. */
    record Field(String name, boolean required, Optional<String> block) {}

    /** A resource's or data source's schema: the interfaces by name, and which one is the block itself. */
    record Type(String address, String docsVersion, String config, Map<String, Map<String, Field>> structs) {

        Map<String, Field> fields(String struct) {
            return structs.get(struct);
        }
    }

    private static final Pattern INTERFACE =
            Pattern.compile("export interface (\\w+)(?: extends ([\\w.]+))? \\{(.*?)\\n\\}", Pattern.DOTALL);
    private static final Pattern PROPERTY =
            Pattern.compile("/\\*\\*((?:(?!\\*/).)*)\\*/\\s*readonly (\\w+)(\\??): ([^;]+);", Pattern.DOTALL);
    private static final Pattern LINK =
            Pattern.compile("\\{@link https://registry\\.terraform\\.io/providers/hashicorp/aws/([\\d.]+)"
                    + "/docs/(resources|data-sources)/(\\w+)#(\\w+) ");
    private static final Pattern IDENTIFIER = Pattern.compile("\\b[A-Z]\\w*\\b");
    private static final Pattern JS_STRUCT =
            Pattern.compile("function (\\w+)ToHclTerraform\\(struct\\) \\{(.*?)\\n\\}", Pattern.DOTALL);
    private static final Pattern JS_CONFIG =
            Pattern.compile("synthesizeHclAttributes\\(\\) \\{(.*?)\\n    \\}", Pattern.DOTALL);
    private static final Pattern JS_NAME = Pattern.compile("(\\w+): \\{\\s*value: [^\\n]*\\n\\s*isBlock: ");
    private static final Map<String, Type> LOADED = new ConcurrentHashMap<>();

    private ProviderSchema() {}

    static Path packageDir() {
        Path dir = Repository.root().resolve("node_modules/@cdktf/provider-aws");
        if (!Files.isRegularFile(dir.resolve("package.json"))) {
            throw new IllegalStateException("@cdktf/provider-aws is not installed: run 'npm ci' in the repository root "
                    + "(mvn verify does it on a fresh clone)");
        }
        return dir;
    }

    /** The resource or data source {@code kind} ("resource", "data") of Terraform type {@code type}, if any. */
    static Optional<Type> of(String kind, String type) {
        String address = kind + " " + type;
        return Optional.ofNullable(LOADED.computeIfAbsent(address, a -> load(kind, type)));
    }

    private static Type load(String kind, String type) {
        Path lib = packageDir().resolve("lib");
        String dir = (kind.equals("data") ? "data-" : "") + type.replace('_', '-');
        // aws_dynamodb_table is lib/dynamodb-table, data aws_partition lib/data-aws-partition; a name cdktf
        // had to change is found by its tfResourceType instead.
        Path candidate =
                type.startsWith("aws_") && kind.equals("resource") ? lib.resolve(dir.substring(4)) : lib.resolve(dir);
        if (!declares(candidate, kind, type)) {
            try (Stream<Path> dirs = Files.list(lib)) {
                candidate =
                        dirs.filter(d -> declares(d, kind, type)).findFirst().orElse(null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return candidate == null ? null : parse(kind + " " + type, candidate);
    }

    private static boolean declares(Path dir, String kind, String type) {
        Path index = dir.resolve("index.d.ts");
        if (!Files.isRegularFile(index)) {
            return false;
        }
        String text = read(index);
        Matcher link = LINK.matcher(text);
        String docs = kind.equals("data") ? "data-sources" : "resources";
        return text.contains("static readonly tfResourceType = \"" + type + "\";")
                && link.find()
                && link.group(2).equals(docs)
                && ("aws_" + link.group(3)).equals(type);
    }

    private static Type parse(String address, Path dir) {
        Map<String, Map<String, Field>> structs = new LinkedHashMap<>();
        String config = null;
        String version = null;
        String sources = sources(dir, ".d.ts");
        Matcher iface = INTERFACE.matcher(sources);
        while (iface.find()) {
            if ("cdktf.TerraformMetaArguments".equals(iface.group(2))) {
                config = iface.group(1);
            }
            structs.put(iface.group(1), new LinkedHashMap<>());
        }
        iface.reset();
        while (iface.find()) {
            Matcher property = PROPERTY.matcher(iface.group(3));
            while (property.find()) {
                Matcher link = LINK.matcher(property.group(1));
                if (!link.find()) {
                    throw new IllegalStateException(dir + ": " + iface.group(1) + "." + property.group(2)
                            + " has no Terraform Registry link to name it");
                }
                version = link.group(1);
                String name = link.group(4);
                boolean block = property.group(1).contains("* " + name + " block");
                Optional<String> struct = block ? structOf(property.group(4), structs) : Optional.empty();
                if (block && struct.isEmpty()) {
                    throw new IllegalStateException(dir + ": block " + name + " has no interface");
                }
                structs.get(iface.group(1))
                        .put(name, new Field(name, property.group(3).isEmpty(), struct));
            }
        }
        if (config == null) {
            throw new IllegalStateException(dir + " has no …Config interface");
        }
        crossCheck(dir, config, structs);
        return new Type(address, version, config, structs);
    }

    /** The Terraform names the JavaScript writes, by interface, must be those read from the declarations. */
    private static void crossCheck(Path dir, String config, Map<String, Map<String, Field>> structs) {
        String js = sources(dir, ".js");
        Map<String, Set<String>> written = new LinkedHashMap<>();
        Matcher struct = JS_STRUCT.matcher(js);
        while (struct.find()) {
            String name = Character.toUpperCase(struct.group(1).charAt(0))
                    + struct.group(1).substring(1);
            written.put(name, names(struct.group(2)));
        }
        Matcher synthesize = JS_CONFIG.matcher(js);
        if (!synthesize.find()) {
            throw new IllegalStateException(dir + ": no synthesizeHclAttributes to check the declarations against");
        }
        written.put(config, names(synthesize.group(1)));
        written.forEach((name, names) -> {
            if (structs.containsKey(name) && !names.equals(structs.get(name).keySet())) {
                throw new IllegalStateException(dir + ": " + name + " declares "
                        + structs.get(name).keySet() + " but its JavaScript writes " + names);
            }
        });
    }

    private static Set<String> names(String attributes) {
        Set<String> names = new TreeSet<>();
        Matcher name = JS_NAME.matcher(attributes);
        while (name.find()) {
            names.add(name.group(1));
        }
        return names;
    }

    private static Optional<String> structOf(String typeExpression, Map<String, ?> structs) {
        Matcher word = IDENTIFIER.matcher(typeExpression);
        while (word.find()) {
            if (structs.containsKey(word.group())) {
                return Optional.of(word.group());
            }
        }
        return Optional.empty();
    }

    /** Every .d.ts, or every other .js, of the directory: large types keep their nested blocks in index-structs/. */
    private static String sources(Path dir, String suffix) {
        try (Stream<Path> files = Files.walk(dir)) {
            StringBuilder all = new StringBuilder();
            files.filter(f -> f.toString().endsWith(suffix))
                    .filter(f -> suffix.equals(".d.ts") || !f.toString().endsWith(".d.ts"))
                    .sorted()
                    .forEach(f -> all.append(read(f)).append('\n'));
            return all.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
