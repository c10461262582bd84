package dev.listwire.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** HashiCorp's standard module structure, typed and described inputs, a pinned provider, fmt-clean files. */
class ModuleStructureTest {

    static List<Module> modules() {
        return Module.all();
    }

    @ParameterizedTest
    @MethodSource("modules")
    void hasTheStandardFilesAndAReadme(Module module) {
        Path dir = Repository.root().resolve(module.dir());
        for (String file : List.of("main.tf", "variables.tf", "outputs.tf", "versions.tf", "README.md")) {
            assertTrue(Files.isRegularFile(dir.resolve(file)), module.dir() + " has no " + file);
        }
    }

    @ParameterizedTest
    @MethodSource("modules")
    void everyVariableHasATypeAndADescription(Module module) {
        Map<String, JsonNode> variables = module.blocks("variable");
        assertFalse(variables.isEmpty(), module.dir() + " has no variables");
        variables.forEach((name, body) -> {
            assertTrue(body.hasNonNull("type"), module.dir() + ": variable " + name + " has no type");
            assertFalse(
                    body.path("description").asText().isBlank(),
                    module.dir() + ": variable " + name + " has no description");
        });
    }

    @ParameterizedTest
    @MethodSource("modules")
    void everyOutputHasADescription(Module module) {
        module.blocks("output")
                .forEach((name, body) -> assertFalse(
                        body.path("description").asText().isBlank(),
                        module.dir() + ": output " + name + " has no description"));
    }

    @ParameterizedTest
    @MethodSource("modules")
    void everyFileIsAsTerraformFmtWritesIt(Module module) {
        for (Hcl.File file : module.files()) {
            assertEquals(
                    file.formatted(),
                    file.text(),
                    "terraform/" + file.path()
                            + " is not formatted: terraform fmt would change it (CI runs terraform fmt -check)");
        }
    }

    @ParameterizedTest
    @MethodSource("modules")
    void usesTheHashiCorpAwsProvider(Module module) {
        JsonNode aws = module.blocks()
                .path("terraform")
                .get(0)
                .path("required_providers")
                .get(0)
                .path("aws");
        assertEquals("hashicorp/aws", aws.path("source").asText(), module.dir());
    }

    @Test
    void theRootModulePinsTheAwsProviderExactly() {
        String version = Module.root()
                .blocks()
                .path("terraform")
                .get(0)
                .path("required_providers")
                .get(0)
                .path("aws")
                .path("version")
                .asText();

        assertTrue(version.matches("= ?\\d+\\.\\d+\\.\\d+"), "not an exact pin: " + version);
    }
}
