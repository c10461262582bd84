package dev.listwire.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The .tf files of a directory as HashiCorp's HCL parser reads them, and as {@code terraform fmt} would
 * write them. The parser is HashiCorp's hcl/hclwrite compiled to WebAssembly (npm @cdktf/hcl2json and
 * @cdktf/hcl-tools), run with the machine's Node.js: the same grammar Terraform reads, without Terraform.
 */
final class Hcl {

    /** One file: its text, its body as HCL JSON, and its text after formatting. */
    record File(String path, String text, JsonNode body, String formatted) {}

    private static final Map<Path, Map<String, File>> PARSED = new ConcurrentHashMap<>();
    private static final ObjectMapper JSON = new ObjectMapper();

    private Hcl() {}

    /** Every .tf file under {@code dir}, by path relative to it ("modules/list/main.tf"). */
    static Map<String, File> parse(Path dir) {
        return PARSED.computeIfAbsent(dir.toAbsolutePath().normalize(), Hcl::run);
    }

    private static Map<String, File> run(Path dir) {
        Path script = Repository.terraform().resolve("tests/src/test/node/hcl.js");
        requireParser();
        try {
            Path out = Files.createTempFile("hcl", ".json");
            Process node = new ProcessBuilder("node", script.toString(), dir.toString())
                    .directory(Repository.root().toFile())
                    .redirectOutput(out.toFile())
                    .redirectError(ProcessBuilder.Redirect.PIPE)
                    .start();
            String errors = new String(node.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!node.waitFor(120, TimeUnit.SECONDS) || node.exitValue() != 0) {
                throw new IllegalStateException("The HCL in " + dir + " does not parse:\n" + errors);
            }
            JsonNode all = JSON.readTree(out.toFile());
            Files.delete(out);
            Map<String, File> files = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = all.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                String text = Files.readString(dir.resolve(entry.getKey()));
                files.put(
                        entry.getKey(),
                        new File(
                                entry.getKey(),
                                text,
                                entry.getValue().get("body"),
                                entry.getValue().get("formatted").asText()));
            }
            return files;
        } catch (IOException e) {
            throw new IllegalStateException(
                    "Cannot run Node.js ('node'), which parses the HCL: install Node.js 18 or later", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void requireParser() {
        for (String module : new String[] {"@cdktf/hcl2json", "@cdktf/hcl-tools"}) {
            if (!Files.isRegularFile(Repository.root().resolve("node_modules/" + module + "/package.json"))) {
                throw new IllegalStateException(module + " is not installed: run 'npm ci' in the repository root "
                        + "(mvn verify does it on a fresh clone)");
            }
        }
    }
}
