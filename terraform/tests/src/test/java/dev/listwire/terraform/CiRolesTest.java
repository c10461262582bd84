package dev.listwire.terraform;

import static dev.listwire.terraform.Module.expr;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The roles the workflow assumes (terraform/ci): a plan that cannot read the secrets, an apply under a boundary. */
class CiRolesTest {

    private static final Module CI = Module.ci();

    @Test
    void thePlanRoleIsDeniedTheProjectsSecretsExplicitly() {
        Map<String, JsonNode> plan = Policies.statements(CI, "plan");

        JsonNode secrets = plan.get("NeverReadTheProjectsSecrets");
        assertEquals("Deny", secrets.path("effect").asText());
        assertEquals("local.secret_reads", expr(secrets.path("actions")));
        assertEquals(
                List.of("ssm:GetParameter", "ssm:GetParameters", "ssm:GetParametersByPath", "ssm:GetParameterHistory"),
                Policies.texts(CI.local("secret_reads")));
        assertEquals(List.of("local.ssm_parameters"), Policies.texts(secrets.path("resources")));
        assertTrue(expr(CI.local("ssm_parameters")).endsWith(":parameter${var.ssm_parameter_prefix}*"));
        assertEquals(
                "/listwire/",
                CI.variable("ssm_parameter_prefix").path("default").asText());

        JsonNode decrypt = plan.get("NeverDecryptThroughSsm");
        assertEquals("Deny", decrypt.path("effect").asText());
        assertEquals(List.of("kms:Decrypt"), Policies.texts(decrypt.path("actions")));
        assertEquals(
                "kms:ViaService",
                decrypt.path("condition").get(0).path("variable").asText());

        assertTrue(expr(CI.resource("aws_iam_role_policy_attachment", "plan_read_only")
                        .path("policy_arn"))
                .endsWith(":iam::aws:policy/ReadOnlyAccess"));
        assertEquals(
                "data.aws_iam_policy_document.plan.json",
                expr(CI.resource("aws_iam_role_policy", "plan").path("policy")));
    }

    @Test
    void eachRoleIsAssumedOnlyFromItsContext() {
        JsonNode subjects = CI.data("aws_iam_policy_document", "trust").path("for_each");

        assertEquals(
                "repo:${var.github_repository}:pull_request",
                subjects.path("plan").asText());
        assertEquals(
                "repo:${var.github_repository}:environment:production",
                subjects.path("apply").asText());
        JsonNode statement =
                CI.data("aws_iam_policy_document", "trust").path("statement").get(0);
        assertEquals(
                "${each.value}",
                statement.path("condition").get(1).path("values").get(0).asText());
        assertEquals(
                "data.aws_iam_policy_document.trust[\"plan\"].json",
                expr(CI.resource("aws_iam_role", "plan").path("assume_role_policy")));
        assertEquals(
                "data.aws_iam_policy_document.trust[\"apply\"].json",
                expr(CI.resource("aws_iam_role", "apply").path("assume_role_policy")));
    }

    @Test
    void theApplyRoleHasAPermissionsBoundaryThatKeepsItFromWideningItselfOrReadingSecrets() {
        JsonNode apply = CI.resource("aws_iam_role", "apply");
        assertEquals("aws_iam_policy.apply_boundary.arn", expr(apply.path("permissions_boundary")));
        assertEquals(
                "data.aws_iam_policy_document.apply_boundary.json",
                expr(CI.resource("aws_iam_policy", "apply_boundary").path("policy")));

        Map<String, JsonNode> boundary = Policies.statements(CI, "apply_boundary");
        JsonNode own = boundary.get("NeverItsOwnOrThePlanRolesPermissions");
        assertEquals("Deny", own.path("effect").asText());
        assertEquals(List.of("iam:*"), Policies.texts(own.path("actions")));
        assertEquals(List.of("local.ci_roles", "local.ci_policies"), Policies.texts(own.path("resources")));
        JsonNode escalation = boundary.get("NeverAManagedPolicyOrABoundaryChange");
        assertTrue(Policies.texts(escalation.path("actions"))
                .containsAll(List.of("iam:AttachRolePolicy", "iam:DeleteRolePermissionsBoundary")));
        assertEquals(
                "Deny", boundary.get("NeverTheProjectsSecrets").path("effect").asText());
        List<String> ceiling =
                Policies.texts(boundary.get("CeilingListwireServices").path("actions"));
        assertFalse(
                ceiling.contains("iam:*")
                        || ceiling.contains("*")
                        || ceiling.stream().anyMatch(a -> a.startsWith("ssm:")),
                ceiling.toString());
    }

    @Test
    void theApplyRolePassesRolesToLambdaOnlyAndAttachesNoManagedPolicy() {
        Map<String, JsonNode> apply = Policies.statements(CI, "apply");
        JsonNode pass = apply.get("PassFunctionRolesToLambdaOnly");
        assertEquals(
                "iam:PassedToService",
                pass.path("condition").get(0).path("variable").asText());
        assertEquals(
                List.of("lambda.amazonaws.com"),
                Policies.texts(pass.path("condition").get(0).path("values")));
        for (JsonNode statement : apply.values()) {
            assertFalse(Policies.texts(statement.path("actions")).contains("iam:AttachRolePolicy"));
            assertFalse(
                    Policies.texts(statement.path("actions")).stream().anyMatch(a -> a.startsWith("ssm:")),
                    "apply reads no secret");
        }
    }
}
