package dev.listwire.lists.stockmovementalerts;

import dev.listwire.common.testing.Inbox;
import dev.listwire.common.testing.LambdaRuntime;
import dev.listwire.common.testing.ListFixture;
import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * target/function.jar, configured by environment variables as Terraform will, sends an event under AWS's
 * Lambda runtime interface client. The handler is the class name alone: with {@code ::handleRequest} the
 * runtime reads the inherited method's parameter type ({@code I}) and cannot deserialize the event.
 */
class StockMovementAlertsLambdaIT {

    @Test
    void theDeployableJarSendsAnEventUnderTheLambdaRuntime() throws Exception {
        ListFixture list = ListFixture.forList();
        list.members().add("ada@example.com").following("grace@example.com", List.of("AAPL"));
        String event = Files.readString(Path.of("src/test/resources/events/nvda-drop.json"));

        try (LambdaRuntime lambda = LambdaRuntime.start(Path.of("target/function.jar"), Path.of("target/lambda-runtime"),
                "dev.listwire.lists.stockmovementalerts.StockMovementAlertsFunction", list.environment())) {
            Map<String, Object> response = JsonMapper.createDefault().readValue(lambda.invoke(event, Duration.ofSeconds(60)), io.micronaut.core.type.Argument.mapOf(String.class, Object.class));
            assertEquals(List.of(), response.getOrDefault("batchItemFailures", List.of()), lambda.output());
        }
        assertEquals(List.of("ada@example.com"),
                new Inbox(list.mail()).byRecipient().keySet().stream().sorted().toList());
    }
}
