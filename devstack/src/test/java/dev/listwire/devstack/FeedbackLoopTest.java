package dev.listwire.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.listwire.common.mail.MessageIds;
import dev.listwire.devstack.TestDevstack.Run;
import dev.listwire.devstack.stack.RunningList;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The whole loop on a real devstack, as the README tells a user to run it: an event to a list, a bounce for
 * one member dropped with {@code ./listwire bounce}, the feedback function (polling GreenMail's mailbox of the
 * sending account, from its own function.jar) suppressing the member, the next event skipping it, and
 * {@code ./listwire events} showing both events; and {@code events} on an event that met no bounce.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FeedbackLoopTest {

    private static final String LIST = "dcf-engine-results";
    private static final String BOUNCING = "alan@example.com";
    private static final List<String> OTHERS = List.of("ada@example.com", "grace@example.com");

    private TestDevstack devstack;
    private SqsClient sqs;

    @BeforeAll
    void start() {
        devstack = TestDevstack.start();
        sqs = devstack.stack().endpoints().sqsClient();
    }

    @AfterAll
    void stop() {
        sqs.close();
        devstack.close();
    }

    @Test
    void aBouncedMemberIsSuppressedAndTheNextEventSkipsIt() {
        send("loop-1");
        awaitEmails("loop-1", List.of("ada@example.com", "grace@example.com", BOUNCING));

        Run bounce = devstack.listwire("bounce", "--local", BOUNCING);
        System.out.println("./listwire bounce --local " + BOUNCING + "\n" + bounce.out());
        assertEquals(0, bounce.exitCode(), bounce.err());
        assertTrue(bounce.out().contains("Dropped a permanent bounce (5.1.1) for " + BOUNCING), bounce.out());
        awaitSuppressedForBounce(BOUNCING, Duration.ofSeconds(60));

        send("loop-2");
        awaitEmails("loop-2", OTHERS);
        new QueueWaits(sqs).awaitDone(list());
        Set<String> bothEvents = Set.of(messageId("loop-1", BOUNCING), messageId("loop-2", BOUNCING));
        assertEquals(
                List.of(messageId("loop-1", BOUNCING)),
                devstack.stack().mail().received().stream()
                        .map(FeedbackLoopTest::messageId)
                        .filter(bothEvents::contains)
                        .toList(),
                "the bounced member got the first event's email once, and the second event's not");

        Run events = devstack.listwire("events", "--local", LIST);
        System.out.println("./listwire events --local " + LIST + "\n" + events.out());
        assertEquals(0, events.exitCode(), events.err());
        assertEquals("2", column(events.out(), "loop-2", "SENT"), events.out());
        assertEquals("1", column(events.out(), "loop-2", "SKIPPED"), events.out());
        assertEquals("0", column(events.out(), "loop-2", "BOUNCED"), events.out());
        assertEquals("3", column(events.out(), "loop-1", "SENT"), events.out());
        assertEquals("1", column(events.out(), "loop-1", "BOUNCED"), events.out());
        Run recipient = devstack.listwire("events", "--local", LIST, "--event", "loop-1", "--recipient", BOUNCING);
        System.out.println("./listwire events --local " + LIST + " --event loop-1 --recipient " + BOUNCING + "\n"
                + recipient.out());
        assertEquals(0, recipient.exitCode(), recipient.err());
        assertTrue(recipient.out().contains("bounce reported at "), recipient.out());
        assertTrue(recipient.out().contains(": 5.1.1 550 5.1.1 The email account"), recipient.out());
    }

    @Test
    void aSoftBounceOfTheEventNamedIsCountedOnThatEventAndSuppressesNobody() {
        String grace = "grace@example.com";
        send("soft-1");
        awaitEmails("soft-1", OTHERS);
        send("soft-2");
        awaitEmails("soft-2", OTHERS);

        Run bounce = devstack.listwire("bounce", "--local", grace, "--soft", "--event", "soft-1");
        assertEquals(0, bounce.exitCode(), bounce.err());
        assertTrue(bounce.out().contains("Dropped a transient bounce (4.2.2, delayed) for " + grace), bounce.out());
        assertTrue(
                bounce.out().contains(messageId("soft-1", grace)), "not the newest: the event named; " + bounce.out());

        String story = awaitOutput(
                "softBounce reported at ",
                Duration.ofSeconds(60),
                "events",
                "--local",
                LIST,
                "--event",
                "soft-1",
                "--recipient",
                grace);
        assertTrue(story.contains(": 4.2.2 452 4.2.2"), story);
        String later = devstack.listwire("events", "--local", LIST, "--event", "soft-2", "--recipient", grace)
                .out();
        assertFalse(later.contains("softBounce"), later);
        assertFalse(devstack.listwire("suppressions", "list", "--local").out().contains(grace));
    }

    @Test
    void bounceSaysSoWhenTheAddressHasNoListEmail() {
        Run bounce = devstack.listwire("bounce", "--local", "nobody@example.com");

        assertEquals(1, bounce.exitCode());
        assertTrue(bounce.err().contains("nobody@example.com has no list email on the devstack"), bounce.err());
    }

    @Test
    void bounceWorksOnTheDevstackOnly() {
        Run bounce = devstack.listwire("bounce", "ada@example.com");

        assertEquals(1, bounce.exitCode());
        assertTrue(bounce.err().contains("bounce works on the devstack only: add --local"), bounce.err());
    }

    /** One cell of the {@code events} table: its columns are two or more spaces apart, a header's words one. */
    @Test
    void eventsShowsHowAnEventWentAndWhyAMemberGotNothing() {
        Run sent = devstack.listwire(
                "send",
                "--local",
                "stock-movement-alerts",
                // AMZN: grace follows everything; ada and linus follow other tickers; margaret left.
                "{\"ticker\":\"AMZN\",\"price\":201.5,\"changePct\":4.2,\"window\":\"1d\"}",
                "--event-id",
                "amzn-events-test");
        assertEquals(0, sent.exitCode(), sent.err());
        devstack.awaitMail(
                m -> TestDevstack.subject(m).startsWith("AMZN"), List.of("grace@example.com"), Duration.ofSeconds(30));
        new QueueWaits(sqs).awaitDone(listNamed("stock-movement-alerts"));

        String recent =
                devstack.listwire("events", "--local", "stock-movement-alerts").out();
        assertTrue(
                recent.lines().anyMatch(l -> l.matches("amzn-events-test +\\S+ +completed +1 +3 +0 +0 +0 +0")), recent);
        String one = devstack.listwire("events", "--local", "stock-movement-alerts", "--event", "amzn-events-test")
                .out();
        assertTrue(one.contains("invocations  1"), one);
        String grace = devstack.listwire(
                        "events", "--local", "stock-movement-alerts", "--recipient", "grace@example.com")
                .out();
        assertTrue(grace.contains("event amzn-events-test"), grace);
        assertTrue(grace.contains("sent at "), grace);
        String linus = devstack.listwire(
                        "events",
                        "--local",
                        "stock-movement-alerts",
                        "--event",
                        "amzn-events-test",
                        "--recipient",
                        "linus@example.com")
                .out();
        assertTrue(
                linus.contains("no delivery record: a member now, but not sent: the list's filter left them out"),
                linus);
    }

    private RunningList listNamed(String name) {
        return devstack.stack().lists().stream()
                .filter(l -> l.module().name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private static String column(String table, String eventId, String header) {
        List<String> lines = table.lines().map(String::trim).toList();
        List<String> headers = List.of(lines.stream()
                .filter(l -> l.startsWith("EVENT "))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no header line in\n" + table))
                .split("\\s{2,}"));
        assertTrue(headers.contains(header), "no column " + header + " in\n" + table);
        String[] row = lines.stream()
                .filter(l -> l.startsWith(eventId + " "))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + eventId + " in\n" + table))
                .split("\\s{2,}");
        return row[headers.indexOf(header)];
    }

    private void send(String eventId) {
        Run sent = devstack.listwire("send", "--local", LIST, "--example", "--event-id", eventId);
        assertEquals(0, sent.exitCode(), sent.err());
    }

    private void awaitEmails(String eventId, List<String> recipients) {
        Set<String> ids = recipients.stream().map(r -> messageId(eventId, r)).collect(Collectors.toSet());
        devstack.awaitMail(m -> ids.contains(messageId(m)), recipients, Duration.ofSeconds(60));
    }

    /** Until {@code ./listwire suppressions list} shows the address suppressed for a bounce. */
    private void awaitSuppressedForBounce(String address, Duration within) {
        awaitOutput(address + "  reason=bounce", within, "suppressions", "list", "--local");
    }

    /** Until {@code ./listwire ARGS} prints {@code expected}: a bounded poll, as the feedback function runs every 5 s. */
    private String awaitOutput(String expected, Duration within, String... args) {
        long deadline = System.nanoTime() + within.toNanos();
        Run run;
        do {
            run = devstack.listwire(args);
            if (run.out().contains(expected)) {
                return run.out();
            }
            TestDevstack.sleep(200);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("./listwire " + String.join(" ", args) + " did not say '" + expected + "' within "
                + within + "; it says:\n" + run.out() + run.err());
    }

    private String messageId(String eventId, String recipient) {
        String from = list().module().manifest().from().address();
        return MessageIds.of(LIST, eventId, recipient, from.substring(from.indexOf('@') + 1));
    }

    private static String messageId(MimeMessage message) {
        try {
            return String.valueOf(message.getMessageID());
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private RunningList list() {
        return devstack.stack().lists().stream()
                .filter(l -> l.module().name().equals(LIST))
                .findFirst()
                .orElseThrow();
    }
}
