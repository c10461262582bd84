package dev.listwire.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.listwire.devstack.stack.Ports;
import dev.listwire.devstack.stack.RunningList;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Ctrl-C in the middle of work loses no message: the batch being handled finishes, messages still queued
 * are kept on disk, and the next start sends the rest, each member each event once.
 */
class StopAndRestartTest {

    private static final int MEMBERS = 40;
    private static final int EVENTS = 4;

    @Test
    void stoppingMidWorkLosesNoMessageAndTheNextStartFinishesIt(@TempDir Path lists, @TempDir Path state)
            throws Exception {
        oneMessageABatchCopyOfStockMovementAlerts(lists);
        Ports ports = TestDevstack.freePorts();
        List<MimeMessage> sent = new ArrayList<>();
        TestDevstack first = TestDevstack.start(lists, state, ports);
        try (SqsClient sqs = first.stack().endpoints().sqsClient()) {
            RunningList list = first.stack().lists().get(0);
            for (int i = 1; i <= EVENTS; i++) {
                String body = "{\"ticker\":\"NVDA\",\"price\":" + (100 + i) + ".5,\"changePct\":-7.4}";
                sqs.sendMessage(b -> b.queueUrl(list.queues().queueUrl()).messageBody(body));
            }
            // Stop as soon as the first emails are out: the first event is being sent, the others wait.
            first.awaitMail(m -> true, List.of("member1@example.com"), Duration.ofSeconds(30));
        } finally {
            first.close();
        }
        sent.addAll(first.stack().mail().received());
        int finishedBeforeStop = eventsCompletedIn(sent);
        assertTrue(finishedBeforeStop < EVENTS, "the stop came after all the work: the test proves nothing");
        try (TestDevstack second = TestDevstack.start(lists, state, ports)) {
            List<String> everyone = IntStream.rangeClosed(1, MEMBERS)
                    .mapToObj(i -> "member" + i + "@example.com")
                    .toList();
            for (int i = 1 + finishedBeforeStop; i <= EVENTS; i++) {
                String price = "now " + (100 + i) + ".5";
                second.awaitMail(m -> TestDevstack.subject(m).endsWith(price), everyone, Duration.ofSeconds(60));
            }
            sent.addAll(second.stack().mail().received());
        }
        // Across both runs: every member got every event, and no one got one twice.
        Map<String, Long> copies = sent.stream()
                .collect(Collectors.groupingBy(
                        m -> TestDevstack.subject(m) + " to " + TestDevstack.recipient(m), Collectors.counting()));
        assertEquals(MEMBERS * EVENTS, copies.size(), copies.keySet().toString());
        copies.forEach((email, count) -> assertEquals(1L, count, email));
    }

    private static int eventsCompletedIn(List<MimeMessage> sent) {
        return (int) sent.stream()
                .map(TestDevstack::subject)
                .distinct()
                .filter(subject -> sent.stream()
                                .filter(m -> TestDevstack.subject(m).equals(subject))
                                .count()
                        == MEMBERS)
                .count();
    }

    /** The real list's function.jar, with a manifest asking for one message a batch and 40 members. */
    private static void oneMessageABatchCopyOfStockMovementAlerts(Path lists) throws Exception {
        Path real = TestDevstack.ROOT.resolve("lists/stock-movement-alerts");
        Path copy = lists.resolve("stock-movement-alerts");
        Files.createDirectories(copy.resolve("target"));
        Files.createDirectories(copy.resolve("demo"));
        Files.copy(real.resolve("target/function.jar"), copy.resolve("target/function.jar"));
        Files.writeString(
                copy.resolve("list.json"),
                Files.readString(real.resolve("list.json"))
                        .replaceAll("\"batchSize\"\\s*:\\s*\\d+", "\"batchSize\": 1"));
        List<String> rows = new ArrayList<>(List.of("email"));
        IntStream.rangeClosed(1, MEMBERS)
                .mapToObj(i -> "member" + i + "@example.com")
                .forEach(rows::add);
        Files.write(copy.resolve("demo/members.csv"), rows);
    }
}
