package dev.listwire.producers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.listwire.devstack.TestDevstack;
import dev.listwire.devstack.stack.LocalEndpoints;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Each producer, run as a user runs it (its own process, configured by environment variables), sends to
 * the devstack, and the email reaches every member who wants it. The C# producer has the same shape but
 * no .NET runs here; it is not tested.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProducersTest {

    private static final Path PRODUCERS = TestDevstack.ROOT.resolve("producers");
    /** The members of stock-movement-alerts who want an NVDA alert (demo/members.csv). */
    private static final List<String> NVDA_FOLLOWERS = List.of("ada@example.com", "grace@example.com");

    private TestDevstack devstack;

    @BeforeAll
    void start() {
        devstack = TestDevstack.start();
    }

    @AfterAll
    void stop() {
        devstack.close();
    }

    @Test
    void thePythonProducerSendsThroughToTheEmail() throws Exception {
        String python = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
        assumeTrue(
                run(List.of(python, "-c", "import boto3")).exitCode == 0,
                "boto3 is not installed for " + python + ": apt-get install python3-boto3 (.ci/run does)");
        sendsThroughToTheEmail(
                List.of(python, PRODUCERS.resolve("python/send_event.py").toString()), "101.5");
    }

    @Test
    void theNodeProducerSendsThroughToTheEmail() throws Exception {
        assumeTrue(
                Files.isDirectory(PRODUCERS.resolve("node/node_modules/@aws-sdk/client-sqs")),
                "@aws-sdk/client-sqs is not installed: run 'npm ci' in producers/node (.ci/run does)");
        sendsThroughToTheEmail(
                List.of("node", PRODUCERS.resolve("node/send-event.mjs").toString()), "102.5");
    }

    @Test
    void theJavaProducerSendsThroughToTheEmail() throws Exception {
        sendsThroughToTheEmail(javaProducer(), "103.5");
    }

    @Test
    void aProducerRetryWithTheSameEventIdEmailsNoOneTwice() throws Exception {
        String event = nvda("104.5");
        List<String> send = new ArrayList<>(javaProducer());
        send.addAll(List.of(event, "nvda-retry-test"));
        assertEquals(0, run(send).exitCode);
        assertEquals(0, run(send).exitCode);
        devstack.awaitMail(m -> TestDevstack.subject(m).endsWith("now 104.5"), NVDA_FOLLOWERS, Duration.ofSeconds(30));
        Thread.sleep(2000); // time for a second copy to arrive, were there one
        assertEquals(
                NVDA_FOLLOWERS.size(),
                devstack.stack().mail().received().stream()
                        .filter(m -> TestDevstack.subject(m).endsWith("now 104.5"))
                        .count());
    }

    private void sendsThroughToTheEmail(List<String> producer, String price) throws Exception {
        List<String> command = new ArrayList<>(producer);
        command.add(nvda(price));
        Result result = run(command);
        assertEquals(0, result.exitCode, result.output);
        List<MimeMessage> mail = devstack.awaitMail(
                m -> TestDevstack.subject(m).endsWith("now " + price), NVDA_FOLLOWERS, Duration.ofSeconds(30));
        assertEquals(NVDA_FOLLOWERS.size(), mail.size());
    }

    private static String nvda(String price) {
        return "{\"ticker\":\"NVDA\",\"price\":" + price + ",\"changePct\":-7.4,\"window\":\"1d\"}";
    }

    private static List<String> javaProducer() {
        String java = ProcessHandle.current().info().command().orElse("java");
        return List.of(java, "-cp", System.getProperty("java.class.path"), SendEvent.class.getName());
    }

    private record Result(int exitCode, String output) {}

    /** Runs a producer as its users would: credentials, region, endpoint and queue from the environment. */
    private Result run(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        LocalEndpoints local = devstack.stack().endpoints();
        builder.environment()
                .putAll(Map.of(
                        "AWS_ACCESS_KEY_ID", LocalEndpoints.ACCESS_KEY,
                        "AWS_SECRET_ACCESS_KEY", LocalEndpoints.SECRET_KEY,
                        "AWS_REGION", LocalEndpoints.REGION,
                        "AWS_DEFAULT_REGION", LocalEndpoints.REGION,
                        "AWS_ENDPOINT_URL_SQS", local.sqs(),
                        "QUEUE_URL",
                                devstack.stack().lists().stream()
                                        .filter(l -> l.module().name().equals("stock-movement-alerts"))
                                        .findFirst()
                                        .orElseThrow()
                                        .queues()
                                        .queueUrl()));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(command + " did not finish: " + output);
        }
        return new Result(process.exitValue(), output);
    }
}
