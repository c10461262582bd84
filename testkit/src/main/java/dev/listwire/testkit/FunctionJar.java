package dev.listwire.testkit;

import dev.listwire.common.function.ListFunction;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

/**
 * A list module's deployable {@code target/function.jar}, run under AWS's Lambda runtime interface client
 * ({@link LambdaRuntime}) and configured only by environment variables, as Terraform configures the function.
 * The handler is the class name alone: with {@code ::handleRequest} the runtime reads the inherited method's
 * parameter type ({@code I}) and cannot deserialize the event. Run from a list module's failsafe tests, after
 * {@code package} has written the jar and {@code target/lambda-runtime}.
 */
public final class FunctionJar {

    /** What the function answered: the messages it asked SQS to retry, and what the runtime printed. */
    public record Result(List<?> batchItemFailures, String output) {}

    /**
     * What serves only tests and the devstack, by where its classes live: the test kit and its local launchers,
     * GreenMail, ElasticMQ (and the Pekko it runs on), JUnit. None of it may ship to Lambda.
     */
    public static final List<String> LOCAL_ONLY = List.of(
            "dev/listwire/testkit/",
            "dev/listwire/common/local/",
            "com/icegreen/",
            "org/elasticmq/",
            "org/apache/pekko/",
            "org/junit/",
            "junit/");

    private static final Path JAR = Path.of("target/function.jar");

    private FunctionJar() {}

    /** Every entry of the list module's {@code target/function.jar}, as {@code jar tf} lists them. */
    public static List<String> entries() throws IOException {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            return jar.stream().map(ZipEntry::getName).toList();
        }
    }

    /** The jar's entries that belong to {@link #LOCAL_ONLY}: none, in a jar fit to deploy. */
    public static List<String> localOnlyEntries() throws IOException {
        return entries().stream()
                .filter(name -> LOCAL_ONLY.stream().anyMatch(name::startsWith))
                .toList();
    }

    /** Hands the function one SQS event, a fixture file of the list module, as Lambda would. */
    public static Result handle(ListFixture list, Class<? extends ListFunction<?>> handler, Path event)
            throws Exception {
        String json = Files.readString(event);
        try (LambdaRuntime lambda =
                LambdaRuntime.start(JAR, Path.of("target/lambda-runtime"), handler.getName(), list.environment())) {
            Map<String, Object> response = JsonMapper.createDefault()
                    .readValue(lambda.invoke(json, Duration.ofSeconds(60)), Argument.mapOf(String.class, Object.class));
            return new Result((List<?>) response.getOrDefault("batchItemFailures", List.of()), lambda.output());
        }
    }
}
