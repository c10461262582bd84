package dev.listwire.common.function;

import static dev.listwire.common.function.OneEmailEach.assertOneEmailEach;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.listwire.testkit.ListUnderTest;
import dev.listwire.testkit.SmtpCutter;
import dev.listwire.testkit.SqsEvents;
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
    void aConnectionThatDropsAgainOnTheRetryFailsTheMessageForSqsToRetry() throws Exception {
        list.members().many("member", 10);
        try (SmtpCutter cutter = new SmtpCutter(list.mail().smtpPort());
                FixtureFunction viaCutter = new FixtureFunction(
                        list.property("listwire.smtp.port", cutter.port()).context())) {
            cutter.cutAfter(3);

            assertEquals(
                    1,
                    viaCutter
                            .handleRequest(SqsEvents.ofBody("m-1", AAPL), null)
                            .getBatchItemFailures()
                            .size());
            assertEquals(
                    2,
                    list.logs().lines("event-finished").get(0).get("smtpConnectionsOpened"),
                    "reopened once, not more");
        }
        assertEquals(3, list.inbox().all().size());
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
    void aPoolStopsAtAPassingFailureAndTheRetrySendsOnlyTheRest() throws Exception {
        list.members().many("member", 30);
        list.mail().failAfter(10);
        try (FixtureFunction pooled =
                new FixtureFunction(list.property("listwire.smtp.pool-size", 3).context())) {
            assertEquals(
                    1,
                    pooled.handleRequest(SqsEvents.ofBody("m-1", AAPL), null)
                            .getBatchItemFailures()
                            .size());
            assertEquals(10, list.inbox().all().size());

            list.mail().heal();
            assertTrue(pooled.handleRequest(SqsEvents.ofBody("m-1", AAPL), null)
                    .getBatchItemFailures()
                    .isEmpty());
        }
        assertOneEmailEach(list, 30);
    }
}
