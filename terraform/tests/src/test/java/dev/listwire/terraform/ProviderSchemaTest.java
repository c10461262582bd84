package dev.listwire.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code aws_*} resource and data block under terraform/ against the AWS provider's own schema, as npm
 * {@code @cdktf/provider-aws} 21.x generated it from hashicorp/aws 6.25.0: unknown arguments, unknown nested
 * blocks and missing required ones fail, naming the file, the block and the argument. What the root module's
 * newer pin has and 6.25.0 lacks is listed, with the version that added it, in provider-newer-arguments.tsv.
 */
class ProviderSchemaTest {

    private static final String SCHEMA_VERSION = "6.25.0";

    @Test
    void everyAwsBlockMatchesTheProvidersSchema() {
        Map<String, Hcl.File> files = Hcl.parse(Repository.terraform());
        long start = System.nanoTime();
        SchemaCheck.Result result = SchemaCheck.run(files, newerArguments());
        long millis = (System.nanoTime() - start) / 1_000_000;

        System.out.printf(
                "Provider schema check (hashicorp/aws %s, @cdktf/provider-aws %s): %d resource and data blocks"
                        + " checked, %d nested blocks, %d arguments, in %d ms%n",
                SCHEMA_VERSION, packageVersion(), result.blocks(), result.nestedBlocks(), result.arguments(), millis);
        result.newerUsed()
                .forEach((argument, version) ->
                        System.out.printf("  newer than %s: %s (added in %s)%n", SCHEMA_VERSION, argument, version));
        assertEquals(List.of(), result.problems());
        assertTrue(result.blocks() > 0, "no block was checked");
    }

    @Test
    void theSchemaIsTheOneGeneratedFromProvider6250() throws IOException {
        JsonNode provider = new ObjectMapper()
                .readTree(ProviderSchema.packageDir().resolve("package.json").toFile())
                .path("cdktf")
                .path("provider");
        assertEquals(
                "registry.terraform.io/hashicorp/aws", provider.path("name").asText());
        assertEquals(SCHEMA_VERSION, provider.path("version").asText());
        assertEquals(
                SCHEMA_VERSION,
                ProviderSchema.of("resource", "aws_sqs_queue").orElseThrow().docsVersion());
    }

    @Test
    void everyNewerArgumentIsUsedUnknownToTheSchemaAndNoNewerThanThePin() {
        Map<String, String> newer = newerArguments();
        SchemaCheck.Result result = SchemaCheck.run(Hcl.parse(Repository.terraform()), newer);
        String pin = Module.root()
                .blocks()
                .path("terraform")
                .get(0)
                .path("required_providers")
                .get(0)
                .path("aws")
                .path("version")
                .asText()
                .replaceAll("[= ]", "");

        assertEquals(newer, result.newerUsed(), "an entry of provider-newer-arguments.tsv that nothing uses");
        newer.forEach((argument, version) -> {
            assertTrue(compare(version, SCHEMA_VERSION) > 0, argument + ": " + version + " is not newer");
            assertTrue(compare(version, pin) <= 0, argument + ": " + version + " is newer than the pin " + pin);
        });
    }

    /** Blocks the check must reject (or, for newer, accept only with the table), one file each. */
    private static final Map<String, String> SAMPLES = Map.of(
            "unknown", """
                    resource "aws_sqs_queue" "q" {
                      name               = "q"
                      visibility_timeout = 30
                    }
                    """,
            "nested", """
                    resource "aws_dynamodb_table" "t" {
                      name     = "t"
                      hash_key = "k"
                      ttl {
                        attribute = "expiresAt"
                      }
                      time_to_live {
                        enabled = true
                      }
                    }
                    """,
            "missing", """
                    resource "aws_scheduler_schedule" "s" {
                      name = "s"
                      target {
                        arn = "arn:aws:lambda:us-east-1:1:function:f"
                      }
                      dynamic "flexible_time_window" {
                        for_each = [1]
                        content {
                          maximum_window_in_minutes = 5
                        }
                      }
                    }
                    data "aws_iam_policy_document" "d" {
                      statement {
                        actions = ["sqs:SendMessage"]
                        condition {
                          test = "StringEquals"
                        }
                      }
                    }
                    """,
            "newer", """
                    resource "aws_lambda_permission" "p" {
                      action                   = "lambda:InvokeFunction"
                      function_name            = "f"
                      principal                = "*"
                      invoked_via_function_url = true
                    }
                    """,
            "type", """
                    resource "aws_sqs_queues" "q" {
                      name = "q"
                    }
                    """);

    private static Map<String, Hcl.File> samples;

    /** One parser run for all samples: starting Node.js and its WebAssembly parser is most of the time. */
    @BeforeAll
    static void parseSamples(@TempDir Path dir) throws IOException {
        for (Map.Entry<String, String> sample : SAMPLES.entrySet()) {
            Files.writeString(dir.resolve(sample.getKey() + ".tf"), sample.getValue());
        }
        samples = Hcl.parse(dir);
    }

    @Test
    void reportsAnUnknownArgumentWithItsFileBlockAndName() {
        assertEquals(
                List.of("unknown.tf: resource aws_sqs_queue.q: unknown argument visibility_timeout"),
                check("unknown", Map.of()).problems());
    }

    @Test
    void reportsAnUnknownNestedBlockAndAnUnknownArgumentInsideOne() {
        assertEquals(
                List.of(
                        "nested.tf: resource aws_dynamodb_table.t: unknown argument ttl.attribute",
                        "nested.tf: resource aws_dynamodb_table.t: unknown block time_to_live"),
                sorted(check("nested", Map.of()).problems()));
    }

    private static final String POLICY = "missing.tf: data aws_iam_policy_document.d: missing required argument ";
    private static final String SCHEDULE = "missing.tf: resource aws_scheduler_schedule.s: missing required argument ";

    @Test
    void reportsMissingRequiredArgumentsAndBlocksUnlessADynamicBlockGivesThem() {
        assertEquals(
                List.of(
                        POLICY + "statement.condition.values",
                        POLICY + "statement.condition.variable",
                        SCHEDULE + "flexible_time_window.mode",
                        SCHEDULE + "schedule_expression",
                        SCHEDULE + "target.role_arn"),
                sorted(check("missing", Map.of()).problems()));
    }

    @Test
    void acceptsAnArgumentTheSchemaLacksOnlyWhenTheNewerTableListsIt() {
        assertEquals(
                List.of("newer.tf: resource aws_lambda_permission.p: unknown argument invoked_via_function_url"),
                check("newer", Map.of()).problems());
        SchemaCheck.Result listed = check("newer", newerArguments());
        assertEquals(List.of(), listed.problems());
        assertEquals(Map.of("aws_lambda_permission.invoked_via_function_url", "6.29.0"), listed.newerUsed());
    }

    @Test
    void reportsAResourceTypeTheProviderDoesNotHave() {
        assertEquals(
                List.of("type.tf: resource aws_sqs_queues.q: the provider has no resource type aws_sqs_queues"),
                check("type", Map.of()).problems());
    }

    private static SchemaCheck.Result check(String sample, Map<String, String> newer) {
        return SchemaCheck.run(Map.of(sample, samples.get(sample + ".tf")), newer);
    }

    private static List<String> sorted(List<String> problems) {
        return problems.stream().sorted().toList();
    }

    /** provider-newer-arguments.tsv: argument → the provider version that added it. */
    static Map<String, String> newerArguments() {
        Map<String, String> table = new LinkedHashMap<>();
        try (InputStream in = ProviderSchemaTest.class.getResourceAsStream("/provider-newer-arguments.tsv")) {
            new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.split("\t"))
                    .forEach(cells -> table.put(cells[0].trim(), cells[1].trim()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return table;
    }

    private static String packageVersion() {
        try {
            return new ObjectMapper()
                    .readTree(
                            ProviderSchema.packageDir().resolve("package.json").toFile())
                    .path("version")
                    .asText();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int compare(String a, String b) {
        List<Integer> left = new ArrayList<>();
        List<Integer> right = new ArrayList<>();
        for (String part : a.split("\\.")) {
            left.add(Integer.parseInt(part));
        }
        for (String part : b.split("\\.")) {
            right.add(Integer.parseInt(part));
        }
        for (int i = 0; i < Math.min(left.size(), right.size()); i++) {
            if (!left.get(i).equals(right.get(i))) {
                return Integer.compare(left.get(i), right.get(i));
            }
        }
        return Integer.compare(left.size(), right.size());
    }
}
