package dev.listwire.testkit;

import dev.listwire.common.function.ListFunction;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A list module's deployable {@code target/function.jar}, run under AWS's Lambda runtime interface client
 * ({@link LambdaRuntime}) and configured only by environment variables, as Terraform configures the function.
 * The handler is the class name alone: with {@code ::handleRequest} the runtime reads the inherited method's
 * parameter type ({@code I}) and cannot deserialize the event. Run from a list module's failsafe tests, after
 * {@code package} has written the jar and {@code target/lambda-runtime}.
 */
public final class FunctionJar {

    /** What the function answered: the messages it asked SQS to retry, and what the runtime printed. */
    public record Result(List<?> batchItemFailures, String output) {
    }

    private FunctionJar() {
    }

    /** Hands the function one SQS event, a fixture file of the list module, as Lambda would. */
    public static Result handle(ListFixture list, Class<? extends ListFunction<?>> handler, Path event) throws Exception {
        String json = Files.readString(event);
        try (LambdaRuntime lambda = LambdaRuntime.start(Path.of("target/function.jar"), Path.of("target/lambda-runtime"),
                handler.getName(), list.environment())) {
            Map<String, Object> response = JsonMapper.createDefault().readValue(
                    lambda.invoke(json, Duration.ofSeconds(60)), Argument.mapOf(String.class, Object.class));
            return new Result((List<?>) response.getOrDefault("batchItemFailures", List.of()), lambda.output());
        }
    }
}
