package dev.listwire.common.function;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.listwire.testkit.ListUnderTest;
import dev.listwire.testkit.QueueDrain;
import dev.listwire.testkit.SendingCounts;
import dev.listwire.testkit.SqsEvents;
import dev.listwire.testkit.smtp.Phase;
import dev.listwire.testkit.smtp.ScriptedSmtpServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The shared counters of the sending account ({@code listwire-sending}) against an SMTP server that refuses
 * the account: a send taken for an email the server refused for the account was not made, so it goes back.
 * Otherwise every deferral would spend sends from the quota all lists share, and an account refused for a
 * day (a changed password) would leave the lists short when it is back.
 */
class AccountRefusalSendsTest {

    private static final String AAPL = "{\"ticker\":\"AAPL\",\"price\":189.95}";
    private static final int MEMBERS = 10;

    @RegisterExtension
    final ListUnderTest<FixtureFunction> list = ListUnderTest.of("classpath:fixture-list.json", FixtureFunction::new);

    @Test
    void aRefusedLoginSpendsNoSendFromTheSharedCounters() throws Exception {
        list.members().many("member", MEMBERS);
        try (ScriptedSmtpServer server = ScriptedSmtpServer.start();
                FixtureFunction function = new FixtureFunction(
                        list.property("listwire.smtp.port", server.port()).context())) {
            server.script().at(Phase.AUTH, "535 5.7.8 Username and Password not accepted.");

            function.handleRequest(SqsEvents.ofBody("m-1", AAPL), null);

            assertEquals(
                    "smtp-refused", list.logs().lines("event-finished").get(0).get("continuedBecause"));
            assertEquals(0, server.accepted().size());
            assertEquals(0, countedSends(), "nothing was sent, so nothing is counted");
        }
    }

    @Test
    void theSharedCountersHoldOnlyTheEmailsSentAcrossDeferrals() throws Exception {
        list.members().many("member", MEMBERS);
        try (ScriptedSmtpServer server = ScriptedSmtpServer.start();
                FixtureFunction function = new FixtureFunction(
                        list.property("listwire.smtp.port", server.port()).context())) {
            server.script().afterMessages(4, Phase.MAIL_FROM, "550 5.4.5 Daily user sending quota exceeded.");

            function.handleRequest(SqsEvents.ofBody("m-1", AAPL), null);
            assertEquals(4, server.accepted().size());
            assertEquals(4, countedSends(), "the email refused at MAIL FROM gave its send back");

            server.script().clear();
            QueueDrain.run(function, list.stack().sqs(), list.queueUrl(), 1, () -> null, Duration.ofMinutes(1));
            assertEquals(MEMBERS, server.accepted().size());
            assertEquals(MEMBERS, countedSends());
        }
    }

    /** The sends the shared counters hold for the account, every hour together. */
    private long countedSends() {
        return SendingCounts.sent(list.stack().dynamoDb(), list.sendingTable());
    }
}
