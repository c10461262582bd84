package dev.listwire.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.listwire.devstack.TestDevstack.Run;
import dev.listwire.devstack.stack.RunningList;
import dev.listwire.testkit.SqsEvents;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** The devstack as a person uses it: start, send, read the mail, read the dead letters. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DevstackTest {

    private TestDevstack devstack;
    private SqsClient sqs;
    private QueueWaits queues;

    @BeforeAll
    void start() {
        devstack = TestDevstack.start();
        sqs = devstack.stack().endpoints().sqsClient();
        queues = new QueueWaits(sqs);
    }

    @AfterAll
    void stop() {
        sqs.close();
        devstack.close();
    }

    @Test
    void runsEveryListUnderListsWithItsDemoMembers() {
        List<String> names =
                devstack.stack().lists().stream().map(l -> l.module().name()).toList();
        assertTrue(names.containsAll(List.of("dcf-engine-results", "stock-movement-alerts")), names.toString());
        devstack.stack().lists().stream()
                .filter(l -> l.module().demoMembers().isPresent())
                .forEach(l -> assertTrue(l.demoMembersSeeded() > 0, l.module().name() + " got no demo members"));
    }

    @Test
    void deliversEachListsExampleEventToItsDemoMembers() throws Exception {
        Map<String, List<String>> expected = Map.of(
                "dcf-engine-results", List.of("ada@example.com", "grace@example.com", "alan@example.com"),
                // linus follows only TSLA, margaret left the list
                "stock-movement-alerts", List.of("ada@example.com", "grace@example.com"));
        for (Map.Entry<String, List<String>> list : expected.entrySet()) {
            RunningList running = list(list.getKey());
            String event = Files.readString(running.module().demoEvent().orElseThrow());
            String eventId = "example-" + list.getKey();
            sqs.sendMessage(b -> b.queueUrl(running.queues().queueUrl())
                    .messageBody(event)
                    .messageAttributes(SqsEvents.eventIdAttribute(eventId)));
            // Both example events name a ticker no other test here sends (NVDA, AAPL).
            String ticker = event.replaceAll("(?s).*\"ticker\":\"([A-Z]+)\".*", "$1");
            List<MimeMessage> mail = devstack.awaitMail(
                    m -> isFrom(m, list.getKey()) && TestDevstack.subject(m).contains(ticker),
                    list.getValue(),
                    Duration.ofSeconds(30));
            assertEquals(
                    list.getValue().size(),
                    mail.size(),
                    "one email per wanting member: "
                            + mail.stream().map(TestDevstack::recipient).toList());
        }
    }

    @Test
    void aPoisonMessageLandsInTheDlqWithItsReasonAndDlqShowsIt() {
        RunningList alerts = list("stock-movement-alerts");
        sqs.sendMessage(b ->
                b.queueUrl(alerts.queues().queueUrl()).messageBody("{\"ticker\":\"\",\"price\":1,\"changePct\":2}"));
        queues.awaitDlqDepth(alerts, 1);

        Run shown = devstack.listwire("dlq", "--local", "stock-movement-alerts");
        assertEquals(0, shown.exitCode(), shown.err());
        assertTrue(shown.out().contains("reason: ticker: must not be blank"), shown.out());
        assertTrue(shown.out().contains("1 message(s) in stock-movement-alerts-dlq"), shown.out());

        Run redriven = devstack.listwire("dlq", "--local", "stock-movement-alerts", "--redrive");
        assertTrue(redriven.out().contains("Moved 1 message(s)"), redriven.out());
        // Back on the list's queue, the function refuses it again: it returns to the DLQ with its reason.
        queues.awaitDlqDepth(alerts, 1);
        Message again = sqs.receiveMessage(b -> b.queueUrl(alerts.queues().dlqUrl())
                        .messageAttributeNames("All")
                        .visibilityTimeout(0))
                .messages()
                .get(0);
        assertEquals(
                "ticker: must not be blank",
                again.messageAttributes().get("listwire-error").stringValue());
        devstack.listwire("dlq", "--local", "stock-movement-alerts", "--redrive");
    }

    @Test
    void dlqShowsAProducersEscapeSequencesEscaped() {
        RunningList dcf = list("dcf-engine-results");
        // SQS refuses C0 controls but ESC's 8-bit twin CSI (U+009B) and CR pass, and some terminals obey both.
        sqs.sendMessage(b -> b.queueUrl(dcf.queues().queueUrl()).messageBody("\u009b2J\u009b31mred\r not json"));
        queues.awaitDlqDepth(dcf, 1);

        Run shown = devstack.listwire("dlq", "--local", "dcf-engine-results");
        assertTrue(shown.out().contains("body:   \\u009b2J\\u009b31mred\\x0d not json"), shown.out());
        assertTrue(shown.out().chars().noneMatch(c -> c == 0x9b || c == '\r'), "no raw control reaches the terminal");
        sqs.purgeQueue(b -> b.queueUrl(dcf.queues().dlqUrl())); // so that other tests see an empty DLQ
    }

    @Test
    void theWebServerAnswersOnlyToThisMachinesNames() throws Exception {
        int port = URI.create(devstack.stack().endpoints().web()).getPort();
        for (String host : List.of("localhost:" + port, "127.0.0.1:" + port, "localhost")) {
            assertTrue(statusLine(port, host).contains(" 200 "), host);
        }
        for (String host : List.of("attacker.example", "attacker.example:" + port, "localhost.attacker.example", "")) {
            assertTrue(statusLine(port, host).contains(" 403 "), "a rebinding page's Host: " + host);
        }
    }

    /** The status line for GET /mail/messages.json with this Host header, over a plain socket (HttpClient sets Host itself). */
    private static String statusLine(int port, String host) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.getOutputStream()
                    .write(("GET /mail/messages.json HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                            .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return new java.io.BufferedReader(new java.io.InputStreamReader(
                            socket.getInputStream(), java.nio.charset.StandardCharsets.US_ASCII))
                    .readLine();
        }
    }

    @Test
    void sendRefusesAnEventThatDoesNotFitAndSendsNothing() {
        RunningList dcf = list("dcf-engine-results");
        Run run = devstack.listwire(
                "send", "--local", "dcf-engine-results", "{\"ticker\":\"AAPL\",\"reportUrl\":\"http://insecure\"}");
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("nothing was sent"), run.err());
        assertTrue(run.err().contains("fairValue"), run.err());
        assertTrue(run.err().contains("price"), run.err());
        assertTrue(run.err().contains("reportUrl"), run.err());
        assertEquals(
                "0",
                sqs.getQueueAttributes(b -> b.queueUrl(dcf.queues().queueUrl())
                                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                        .attributes()
                        .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
    }

    @Test
    void sendDeliversAFittingEvent() {
        Run run = devstack.listwire(
                "send",
                "--local",
                "stock-movement-alerts",
                "{\"ticker\":\"TSLA\",\"price\":250.5,\"changePct\":9.1,\"window\":\"1d\"}",
                "--event-id",
                "tsla-send-test");
        assertEquals(0, run.exitCode(), run.err());
        // TSLA: linus follows it, grace follows everything; ada does not follow it.
        List<MimeMessage> mail = devstack.awaitMail(
                m -> TestDevstack.subject(m).startsWith("TSLA"),
                List.of("linus@example.com", "grace@example.com"),
                Duration.ofSeconds(30));
        assertEquals(2, mail.size());
    }

    @Test
    void theListsOnTheDevstackSkipAnAddressOnItsSuppressionList() {
        Run added = devstack.listwire("suppressions", "add", "--local", "grace@example.com");
        assertEquals(0, added.exitCode(), added.err());
        try {
            Run run = devstack.listwire(
                    "send",
                    "--local",
                    "stock-movement-alerts",
                    // AAPL on this list: no other test sends it here (the examples' AAPL is the DCF list's).
                    "{\"ticker\":\"AAPL\",\"price\":777.25,\"changePct\":3.5,\"window\":\"1d\"}",
                    "--event-id",
                    "aapl-suppression-test");
            assertEquals(0, run.exitCode(), run.err());
            devstack.awaitMail(
                    m -> TestDevstack.subject(m).endsWith("now 777.25"),
                    List.of("ada@example.com"),
                    Duration.ofSeconds(30));
            queues.awaitDone(list("stock-movement-alerts"));
            assertTrue(
                    devstack.stack().mail().received().stream()
                            .filter(m -> TestDevstack.subject(m).endsWith("now 777.25"))
                            .map(TestDevstack::recipient)
                            .noneMatch("grace@example.com"::equals),
                    "grace follows everything but is suppressed");
        } finally {
            devstack.listwire("suppressions", "remove", "--local", "grace@example.com");
        }
    }

    @Test
    void mailPrintsTheLastMessages() {
        devstack.listwire(
                "send", "--local", "dcf-engine-results", "{\"ticker\":\"MSFT\",\"fairValue\":500,\"price\":420}");
        devstack.awaitMail(
                m -> TestDevstack.subject(m).contains("MSFT"), List.of("alan@example.com"), Duration.ofSeconds(30));
        Run run = devstack.listwire("mail", "--last", "1");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("Subject: "), run.out());
        assertTrue(run.out().contains("List-Id: "), run.out());
    }

    @Test
    void theMailViewerListsMessagesAndServesTheirHtmlSandboxed() throws Exception {
        devstack.listwire(
                "send", "--local", "stock-movement-alerts", "{\"ticker\":\"AMD\",\"price\":99.5,\"changePct\":12}");
        devstack.awaitMail(
                m -> TestDevstack.subject(m).startsWith("AMD"), List.of("grace@example.com"), Duration.ofSeconds(30));
        HttpClient http = HttpClient.newHttpClient();
        String web = devstack.stack().endpoints().web();
        HttpResponse<String> index =
                http.send(HttpRequest.newBuilder(URI.create(web + "/mail")).build(), BodyHandlers.ofString());
        assertEquals(200, index.statusCode());
        assertTrue(index.body().contains("AMD up 12%: now 99.5"), index.body());
        int number = devstack.stack().mail().received().size();
        HttpResponse<String> html = http.send(
                HttpRequest.newBuilder(URI.create(web + "/mail/" + number + "/html"))
                        .build(),
                BodyHandlers.ofString());
        assertEquals(200, html.statusCode());
        assertTrue(
                html.headers().firstValue("Content-Security-Policy").orElse("").startsWith("sandbox"),
                html.headers().toString());
        HttpResponse<String> missing = http.send(
                HttpRequest.newBuilder(URI.create(web + "/mail/" + (number + 100)))
                        .build(),
                BodyHandlers.ofString());
        assertEquals(404, missing.statusCode());
    }

    @Test
    void theOneClickUnsubscribeInAnEmailWorksOnTheDevstack() throws Exception {
        devstack.listwire("members", "add", "--local", "dcf-engine-results", "leaver@example.com");
        devstack.listwire(
                "send", "--local", "dcf-engine-results", "{\"ticker\":\"IBM\",\"fairValue\":300,\"price\":250}");
        MimeMessage email = devstack.awaitMail(
                        m -> TestDevstack.subject(m).contains("IBM")
                                && TestDevstack.recipient(m).equals("leaver@example.com"),
                        List.of("leaver@example.com"),
                        Duration.ofSeconds(30))
                .get(0);
        String url = email.getHeader("List-Unsubscribe")[0].replaceAll("[<>]", "");
        assertTrue(url.startsWith(devstack.stack().endpoints().web() + "/unsubscribe/"), url);

        HttpResponse<String> post = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(url))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click"))
                                .build(),
                        BodyHandlers.ofString());
        assertEquals(200, post.statusCode(), post.body());
        Run members = devstack.listwire("members", "list", "--local", "dcf-engine-results");
        assertTrue(
                members.out()
                        .lines()
                        .anyMatch(l -> l.startsWith("leaver@example.com") && l.contains("status=unsubscribed")),
                members.out());
    }

    private RunningList list(String name) {
        return devstack.stack().lists().stream()
                .filter(l -> l.module().name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private static boolean isFrom(MimeMessage message, String list) {
        try {
            String[] id = message.getHeader("List-Id");
            return id != null && id[0].contains("<" + list + ".");
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
