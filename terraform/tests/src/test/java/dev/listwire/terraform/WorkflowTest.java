package dev.listwire.terraform;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

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
        assertTrue(
                workflow.contains("subscriptions/target/function.jar"),
                "the subscriptions function is deployed by default");
        assertTrue(workflow.contains("needs: [build, check]"));
    }

    @Test
    void uploadsEveryJarTheRootModuleDeploys() {
        // modules/subscriptions and modules/feedback: "${path.module}/../<dir>/target/function.jar".
        for (JsonNode call : Module.root().blocks("module").values()) {
            String jar = call.path("artifact_path").asText();
            if (!jar.isEmpty()) {
                String path = jar.replace("${path.module}/../", "");
                assertTrue(workflow.contains("            " + path + "\n"), "the build job does not upload " + path);
            }
        }
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
        assertTrue(
                workflow.indexOf("terraform apply") > workflow.indexOf("if: github.event_name == 'push'"),
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

    @Test
    void everyActionIsPinnedByACommitShaNamingItsTag() {
        Matcher uses = Pattern.compile("uses: (\\S+)@(\\S+)(.*)").matcher(workflow);
        int count = 0;
        while (uses.find()) {
            assertTrue(
                    uses.group(2).matches("[0-9a-f]{40}"),
                    uses.group(1) + " is pinned by " + uses.group(2) + ", not a commit SHA");
            assertTrue(
                    uses.group(3).matches(" # v\\d+\\.\\d+\\.\\d+"),
                    uses.group(1) + " does not name its tag: " + uses.group(3));
            count++;
        }
        assertTrue(count >= 7, "actions found: " + count);
    }

    @Test
    void pullRequestsFromForksGetNoAwsCredentials() {
        String plan = workflow.substring(workflow.indexOf("\n  plan:"), workflow.indexOf("\n  apply:"));
        assertTrue(
                plan.contains(
                        "if: github.event_name == 'pull_request' && github.event.pull_request.head.repo.full_name == github.repository"),
                plan);
        assertTrue(plan.contains("role-to-assume: ${{ vars.AWS_PLAN_ROLE_ARN }}"));
        assertFalse(
                workflow.contains("pull_request_target"),
                "pull_request_target would run a fork's code with this repository's rights");
        String check = workflow.substring(workflow.indexOf("\n  check:"), workflow.indexOf("\n  plan:"));
        assertFalse(
                check.contains("configure-aws-credentials") || check.contains("id-token"),
                "check runs for forks too: no AWS");
    }

    private static String read() {
        try {
            return Files.readString(Repository.root().resolve(".github/workflows/deploy.yml"));
        } catch (IOException e) {
            throw new AssertionError("no .github/workflows/deploy.yml", e);
        }
    }
}
