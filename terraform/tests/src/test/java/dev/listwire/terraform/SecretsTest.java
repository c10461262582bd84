package dev.listwire.terraform;

import static dev.listwire.terraform.Module.expr;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Secrets stay in SSM Parameter Store: Terraform knows their names, never their values. */
class SecretsTest {

    private static final Pattern ENV_NAME = Pattern.compile("\\b(LISTWIRE_[A-Z_]+) *=");

    static List<Module> modules() {
        return Module.all();
    }

    @ParameterizedTest
    @MethodSource("modules")
    void noSecretValueIsReadOrWrittenByTerraform(Module module) {
        module.resourcesAndData().keySet().forEach(address -> {
            assertFalse(
                    address.contains("aws_ssm_parameter."),
                    module + " " + address + " would put a secret in the state");
            assertFalse(address.contains("aws_secretsmanager_secret_version."), module + " " + address);
        });
    }

    @ParameterizedTest
    @MethodSource("modules")
    void noModuleSetsASecretInAnEnvironment(Module module) {
        String text =
                String.join("\n", module.files().stream().map(Hcl.File::text).toList());
        assertFalse(text.contains("LISTWIRE_SMTP_PASSWORD"), module + " sets the SMTP password itself");
        assertFalse(text.matches("(?s).*LISTWIRE_LINKS_KEY\\s*=.*"), module + " sets the link-signing key itself");
    }

    @Test
    void everyFunctionIsToldWhereItsSecretsAreInstead() {
        String environment = expr(Module.function().local("environment"));
        for (String name : List.of(
                "LISTWIRE_SSM_SMTP_USERNAME = var.ssm_parameters.smtp_username",
                "LISTWIRE_SSM_SMTP_PASSWORD = var.ssm_parameters.smtp_password",
                "LISTWIRE_SSM_LINKS_KEY = var.ssm_parameters.links_key")) {
            assertTrue(environment.contains(name), "modules/function does not set " + name);
        }
        assertTrue(expr(Module.function()
                        .resource("aws_lambda_function", "this")
                        .path("environment")
                        .get(0)
                        .path("variables"))
                .equals("local.environment"));
        for (Module caller : List.of(Module.list(), Module.subscriptions())) {
            assertTrue(
                    expr(caller.moduleCall("function").path("ssm_parameters")).equals("var.ssm_parameters"),
                    caller.toString());
        }
    }

    @ParameterizedTest
    @MethodSource("modules")
    void everyVariableAFunctionIsGivenIsDocumented(Module module) throws IOException {
        // The list functions' settings are in the root README's Configuration; the subscriptions
        // function's in its module's README.
        String docs = Files.readString(Repository.root().resolve("README.md"))
                + Files.readString(Repository.root().resolve(module.dir()).resolve("README.md"));
        for (Hcl.File file : module.files()) {
            Matcher m = ENV_NAME.matcher(file.text());
            while (m.find()) {
                assertTrue(
                        docs.contains("`" + m.group(1) + "`"),
                        module + " sets " + m.group(1) + ", which no README names");
            }
        }
    }

    @Test
    void theSsmParameterNamesAreVariablesWithDefaults() {
        JsonNode names = Module.root().variable("ssm_parameters");
        String type = expr(names.path("type"));

        for (String parameter : List.of("smtp_username", "smtp_password")) {
            assertTrue(type.contains(parameter + " = optional(string, \"/listwire/"), type);
        }
    }

    @Test
    void theCurrentAndRetiredLinkKeysAreNamedByOneVariable() {
        String type = expr(Module.root().variable("link_keys").path("type"));
        assertTrue(type.contains("current = optional(string, \"k1\")"), type);
        assertTrue(type.contains("parameters = optional(map(string), { k1 = \"/listwire/links/key\" })"), type);
        assertFalse(Module.root().blocks().path("variable").has("links_key_id"), "a second place for the key id");

        JsonNode passed = Module.root().local("ssm_parameters");
        assertEquals("var.link_keys.parameters[var.link_keys.current]", expr(passed.path("links_key")));
        assertEquals(
                "{ for id, name in var.link_keys.parameters : id => name if id != var.link_keys.current }",
                expr(passed.path("links_retired_keys")));
        for (Module caller : List.of(Module.list(), Module.subscriptions(), Module.function())) {
            String callerType = expr(caller.variable("ssm_parameters").path("type"));
            assertTrue(
                    callerType.contains("links_retired_keys = optional(map(string), {})"), caller + ": " + callerType);
        }
    }

    @Test
    void everyFunctionReadsAndMayReadTheRetiredKeysToo() {
        String environment = expr(Module.function().local("environment"));
        assertTrue(
                environment.contains(
                        "LISTWIRE_SSM_LINKS_RETIRED_KEYS = join(\",\", [for id, name in var.ssm_parameters.links_retired_keys : \"${id}=${name}\"])"),
                environment);
        String names = expr(Module.function().local("secret_names"));
        assertTrue(names.contains("var.ssm_parameters.links_key") && names.contains("local.retired_key_names"), names);
        assertTrue(expr(Module.function().local("retired_key_names"))
                .equals("values(var.ssm_parameters.links_retired_keys)"));
        // IamPolicyTest#everyFunctionMayWriteOnlyItsOwnLogsAndReadOnlyItsOwnSecrets: ReadOwnSecrets is over
        // secret_names.
    }
}
