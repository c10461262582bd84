package dev.listwire.common.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.listwire.testkit.ListUnderTest;
import dev.listwire.testkit.QueueDrain;
import dev.listwire.testkit.SqsEvents;
import dev.listwire.testkit.smtp.Phase;
import dev.listwire.testkit.smtp.Response;
import dev.listwire.testkit.smtp.ScriptedSmtpServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fault catalogue (RELIABILITY.md): a 50-member list sent through a scripted SMTP server that refuses the
 * way Gmail and SES do. For each fault: every member ends with exactly one email or a reason recorded for its
 * address; nobody is recorded refused for a reply about the account or the connection; and once the server
 * recovers the event completes, through delayed continuations (1 s in the test kit), never the DLQ; and only the
 * addresses refused for good are on the suppression list.
 */
class SmtpFaultCatalogueTest {

    private static final String AAPL = "{\"ticker\":\"AAPL\",\"price\":189.95}";
    private static final int MEMBERS = 50;

    @RegisterExtension
    final ListUnderTest<FixtureFunction> list = ListUnderTest.of("classpath:fixture-list.json", FixtureFunction::new);

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.listwire.common.function.SmtpFaults#faults")
    void everyMemberEndsWithOneEmailOrARecordedReasonAndTheEventCompletesOnceTheServerRecovers(SmtpFaults.Fault fault)
            throws Exception {
        list.members().many("member", MEMBERS);
        try (ScriptedSmtpServer server = ScriptedSmtpServer.start();
                FixtureFunction function = new FixtureFunction(
                        list.property("listwire.smtp.port", server.port()).context())) {
            fault.script().accept(server.script());

            function.handleRequest(SqsEvents.ofBody("m-1", AAPL), null);

            Map<String, Object> first = list.logs().lines("event-finished").get(0);
            // Refusals for good end the members' turns in the first pass; every other fault leaves some for later.
            String firstOutcome = fault.about() == SmtpFaults.About.ADDRESS_FOR_GOOD ? "completed" : "continued";
            assertEquals(firstOutcome, first.get("outcome"), first.toString());
            if (!fault.because().isEmpty()) {
                assertEquals(fault.because(), first.get("continuedBecause"), first.toString());
            }
            switch (fault.about()) {
                case ACCOUNT -> {
                    assertTrue(LedgerStatuses.recordedRefused(list).isEmpty(), "nobody refused for the account");
                    Map<String, Object> deferred =
                            list.logs().lines("sending-deferred").get(0);
                    assertTrue(((String) deferred.get("smtpReply")).startsWith(fault.code()), deferred.toString());
                    assertTrue(deferred.containsKey("resumesAt"));
                }
                case ADDRESS_FOR_NOW -> {
                    assertEquals(11, list.logs().lines("recipient-deferred").size());
                }
                case ADDRESS_FOR_GOOD ->
                    assertEquals(11, list.logs().lines("recipient-skipped").size());
            }

            server.script().clear();
            QueueDrain.run(function, list.stack().sqs(), list.queueUrl(), 1, () -> null, Duration.ofMinutes(1));

            Set<String> refused = LedgerStatuses.recordedRefused(list).keySet();
            Set<String> expectedRefused = fault.about() == SmtpFaults.About.ADDRESS_FOR_GOOD ? some() : Set.of();
            assertEquals(expectedRefused, refused);
            // Only a refusal for good puts the address on the suppression list; the account's and "for now" never.
            assertEquals(expectedRefused, suppressed());
            for (String member : members()) {
                int emails = server.accepted(member).size();
                assertEquals(refused.contains(member) ? 0 : 1, emails, member + " got " + emails);
            }
            List<Map<String, Object>> lines = list.logs().lines("event-finished");
            assertEquals("completed", lines.get(lines.size() - 1).get("outcome"));
            assertFalse(
                    lines.stream()
                            .anyMatch(l -> Set.of("retry", "dead-lettered").contains(l.get("outcome"))),
                    "neither SQS's retries nor the DLQ: " + lines);
        }
    }

    @Test
    void aRecipientRefusedForNowOnEveryTryIsRecordedWithItsLastReplyAndTheRestAreSentOnce() throws Exception {
        list.members().many("member", MEMBERS);
        try (ScriptedSmtpServer server = ScriptedSmtpServer.start();
                FixtureFunction function = new FixtureFunction(
                        list.property("listwire.smtp.port", server.port()).context())) {
            server.script()
                    .at(
                            Phase.RCPT_TO,
                            SmtpFaults.SOME,
                            "452 4.2.2 The email account that you tried to reach is over quota.");

            function.handleRequest(SqsEvents.ofBody("m-1", AAPL), null);
            QueueDrain.run(function, list.stack().sqs(), list.queueUrl(), 1, () -> null, Duration.ofMinutes(1));

            assertEquals(3, list.logs().lines("event-finished").size(), "three passes: address-tries is 3");
            Map<String, String> statuses = LedgerStatuses.of(list);
            for (String member : members()) {
                boolean some = SmtpFaults.SOME.test(member);
                assertEquals(some ? "gave-up" : "sent", statuses.get(member), member);
                assertEquals(some ? 0 : 1, server.accepted(member).size(), member);
            }
            Map<String, Object> gaveUp = list.logs().lines("recipient-skipped").get(0);
            assertEquals("deferred-too-often", gaveUp.get("reason"));
            assertTrue(((String) gaveUp.get("smtpReply")).startsWith("452 4.2.2"), gaveUp.toString());
        }
    }

    @Test
    void aServerThatStopsAnsweringIsWaitedForOnceNotTwice() throws Exception {
        list.members().many("member", MEMBERS);
        try (ScriptedSmtpServer server = ScriptedSmtpServer.start();
                FixtureFunction function = new FixtureFunction(
                        list.property("listwire.smtp.port", server.port()).context())) {
            server.script().afterMessages(20, Phase.DATA, new Response.Hang());

            function.handleRequest(SqsEvents.ofBody("m-1", AAPL), null);

            // A dropped connection is opened again and the email tried once more; a read timeout is not, since
            // a second one doubles the wait: 20 emails taken, one DATA unanswered, no second try.
            assertEquals(
                    21, server.commands(Phase.DATA).size(), server.commands().toString());
            assertEquals(1, server.connections());
            Map<String, Object> first = list.logs().lines("event-finished").get(0);
            assertEquals("smtp-unreachable", first.get("continuedBecause"), first.toString());
        }
    }

    @Test
    void anEmailTheServerTookWithoutAnsweringIsSentOnceMoreWithTheSameMessageId() throws Exception {
        list.members().many("member", MEMBERS);
        try (ScriptedSmtpServer server = ScriptedSmtpServer.start();
                FixtureFunction function = new FixtureFunction(
                        list.property("listwire.smtp.port", server.port()).context())) {
            // The duplicate window: the server stores the first email, then the connection ends before its reply.
            server.script().times(1, Phase.END_OF_DATA, new Response.AcceptThenDrop());

            function.handleRequest(SqsEvents.ofBody("m-1", AAPL), null);

            assertEquals("completed", list.logs().lines("event-finished").get(0).get("outcome"));
            assertEquals(MEMBERS + 1, server.accepted().size());
            String twice = server.accepted().get(0).recipients().get(0);
            List<String> ids = server.accepted(twice).stream()
                    .map(m -> m.messageId().orElseThrow())
                    .distinct()
                    .toList();
            assertEquals(2, server.accepted(twice).size(), twice);
            assertEquals(1, ids.size(), "the copy carries the same Message-ID: " + ids);
            for (String member : members()) {
                assertEquals(
                        member.equals(twice) ? 2 : 1, server.accepted(member).size(), member);
            }
        }
    }

    private Set<String> suppressed() {
        return list
                .stack()
                .dynamoDb()
                .scan(b -> b.tableName(list.fixture().suppressionTable()).consistentRead(true))
                .items()
                .stream()
                .map(item -> item.get("email").s())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static List<String> members() {
        return IntStream.range(0, MEMBERS)
                .mapToObj(i -> "member" + i + "@members.listwire.test")
                .toList();
    }

    private static Set<String> some() {
        return new TreeSet<>(members().stream().filter(SmtpFaults.SOME).toList());
    }
}
