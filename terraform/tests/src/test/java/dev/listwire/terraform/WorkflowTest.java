package dev.listwire.terraform;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The users' CI builds, then checks and plans on pull requests and applies on main through an OIDC role.
 * Read as text: GitHub runs it, nothing here can; these are the promises the README makes about it.
 */
class WorkflowTest {

    private final String workflow = read();

    @Test
    void buildsWithMavenBeforeTerraformSeesTheJars() {
        assertTrue(workflow.contains("run: mvn -B verify"));
        assertTrue(workflow.contains("lists/*/target/function.jar"));
        assertTrue(workflow.contains("subscriptions/target/function.jar"), "the subscriptions function is deployed by default");
        assertTrue(workflow.contains("needs: [build, check]"));
    }

    @Test
    void checksFormattingAndValidatesEveryChange() {
        for (String step : List.of("terraform fmt -check -recursive", "terraform init", "terraform validate")) {
            assertTrue(workflow.contains(step), step);
        }
    }

    @Test
    void plansOnPullRequestsAndAppliesOnlyOnMain() {
        assertTrue(workflow.contains("pull_request:"));
        assertTrue(workflow.contains("if: github.event_name == 'pull_request'"));
        assertTrue(workflow.contains("if: github.event_name == 'push' && github.ref == 'refs/heads/main'"));
        assertTrue(workflow.contains("terraform apply -auto-approve tfplan"));
        assertTrue(workflow.indexOf("terraform apply") > workflow.indexOf("if: github.event_name == 'push'"),
                "apply belongs to the job that runs on main only");
    }

    @Test
    void reachesAwsThroughOidcWithoutLongLivedKeys() {
        assertTrue(workflow.contains("id-token: write"));
        assertTrue(workflow.contains("aws-actions/configure-aws-credentials@"));
        assertTrue(workflow.contains("role-to-assume: ${{ vars.AWS_APPLY_ROLE_ARN }}"));
        for (String key : List.of("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "aws-access-key-id", "secrets.")) {
            assertFalse(workflow.contains(key), "the workflow uses " + key);
        }
    }

    private static String read() {
        try {
            return Files.readString(Repository.root().resolve(".github/workflows/deploy.yml"));
        } catch (IOException e) {
            throw new AssertionError("no .github/workflows/deploy.yml", e);
        }
    }
}
