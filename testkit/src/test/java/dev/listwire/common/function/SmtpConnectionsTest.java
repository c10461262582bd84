package dev.listwire.common.function;

import static dev.listwire.common.function.OneEmailEach.assertOneEmailEach;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.listwire.testkit.ListUnderTest;
import dev.listwire.testkit.QueueDrain;
import dev.listwire.testkit.SmtpCutter;
import dev.listwire.testkit.SqsEvents;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A small pool of reused connections; a dropped one is reopened and the email tried once more. */
class SmtpConnectionsTest {

    private static final String AAPL = "{\"ticker\":\"AAPL\",\"price\":189.95}";

    @RegisterExtension
    final ListUnderTest<FixtureFunction> list = ListUnderTest.of("classpath:fixture-list.json", FixtureFunction::new);

    @Test
    void aConnectionDroppedMidListIsReopenedAndTheListCompletesInOneGo() throws Exception {
        list.members().many("member", 10);
        try (SmtpCutter cutter = new SmtpCutter(list.mail().smtpPort());
                FixtureFunction viaCutter = new FixtureFunction(
                        list.property("listwire.smtp.port", cutter.port()).context())) {
            cutter.cutOnceAfter(3);

            assertTrue(
                    viaCutter
                            .handleRequest(SqsEvents.ofBody("m-1", AAPL), null)
                            .getBatchItemFailures()
                            .isEmpty(),
                    "no retry of the message is needed");
        }
        assertOneEmailEach(list, 10);
        Map<String, Object> line = list.logs().lines("event-finished").get(0);
        assertEquals("completed", line.get("outcome"));
        assertEquals(10, line.get("sent"));
        assertEquals(2, line.get("smtpConnectionsOpened"), "the first connection and the one that replaced it");
    }

    @Test
    void aConnectionOpenedAheadThatDropsBeforeTheFirstEmailIsReopenedForIt() throws Exception {
        list.members().many("member", 10);
        try (SmtpCutter cutter = new SmtpCutter(list.mail().smtpPort());
                FixtureFunction viaCutter = new FixtureFunction(
                        list.property("listwire.smtp.port", cutter.port()).context())) {
            cutter.cutOnceAfter(0); // the login made ahead succeeds; the first MAIL FROM finds the line cut

            assertTrue(viaCutter
                    .handleRequest(SqsEvents.ofBody("m-1", AAPL), null)
                    .getBatchItemFailures()
                    .isEmpty());
        }
        assertOneEmailEach(list, 10);
        Map<String, Object> line = list.logs().lines("event-finished").get(0);
        assertEquals(10, line.get("sent"));
        assertEquals(2, line.get("smtpConnectionsOpened"), "the one opened ahead and the one that replaced it");
    }

    @Test
    void aConnectionThatDropsAgainOnTheRetryDefersTheEventNamingNobody() throws Exception {
        list.members().many("member", 10);
        try (SmtpCutter cutter = new SmtpCutter(list.mail().smtpPort());
                FixtureFunction viaCutter = new FixtureFunction(
                        list.property("listwire.smtp.port", cutter.port()).context())) {
            cutter.cutAfter(3);

            assertTrue(viaCutter
                    .handleRequest(SqsEvents.ofBody("m-1", AAPL), null)
                    .getBatchItemFailures()
                    .isEmpty());
            Map<String, Object> line = list.logs().lines("event-finished").get(0);
            assertEquals(2, line.get("smtpConnectionsOpened"), "reopened once, not more");
            assertEquals("continued", line.get("outcome"));
            assertEquals("smtp-unreachable", line.get("continuedBecause"));
            assertEquals(1, line.get("continuationDelaySeconds"), "the test kit's first deferral");
        }
        assertEquals(3, list.inbox().all().size());
        assertEquals(
                List.of("sent"),
                LedgerStatuses.of(list).values().stream().distinct().toList());
    }

    @Test
    void aPoolSendsOverSeveralConnectionsAndEveryMemberOnce() throws Exception {
        list.members().many("member", 60);
        try (FixtureFunction pooled =
                new FixtureFunction(list.property("listwire.smtp.pool-size", 3).context())) {
            assertTrue(pooled.handleRequest(SqsEvents.ofBody("m-1", AAPL), null)
                    .getBatchItemFailures()
                    .isEmpty());
        }
        assertOneEmailEach(list, 60);
        assertEquals(3, list.logs().lines("event-finished").get(0).get("smtpConnectionsOpened"));
    }

    @Test
    void aPoolStopsAtTheAccountsRefusalAndTheContinuationSkipsNobodyWhoseEmailWasGivenBack() throws Exception {
        list.members().many("member", 30);
        list.mail().failAfter(10);
        try (FixtureFunction pooled =
                new FixtureFunction(list.property("listwire.smtp.pool-size", 3).context())) {
            assertTrue(pooled.handleRequest(SqsEvents.ofBody("m-1", AAPL), null)
                    .getBatchItemFailures()
                    .isEmpty());
            assertEquals(10, list.inbox().all().size());
            assertTrue(LedgerStatuses.recordedRefused(list).isEmpty());

            list.mail().heal();
            QueueDrain.run(pooled, list.stack().sqs(), list.queueUrl(), 1, () -> null, Duration.ofMinutes(1));
        }
        assertOneEmailEach(list, 30);
    }
}
