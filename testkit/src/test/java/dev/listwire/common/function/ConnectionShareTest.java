package dev.listwire.common.function;

import static dev.listwire.common.function.OneEmailEach.assertOneEmailEach;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.listwire.testkit.ListUnderTest;
import dev.listwire.testkit.SqsEvents;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A part of an event split into segments takes over the connections of the parts that ended: with a pool of
 * one and four segments, the parts run one after another here, so the third finds two parts ended (and may
 * hold 4 / 2 connections) and the last finds three ended (all four).
 */
class ConnectionShareTest {

    private static final String AAPL = "{\"ticker\":\"AAPL\",\"price\":189.95}";
    private static final int MEMBERS = 240;

    @RegisterExtension
    final ListUnderTest<FixtureFunction> segmented =
            ListUnderTest.of("classpath:fixture-segmented-list.json", FixtureFunction::new);

    @Test
    void eachPartTakesOverTheConnectionsOfThePartsThatEnded() throws Exception {
        List<Map<String, Object>> parts = sendPartsOneAfterAnother(segmented.function());

        assertEquals(4, parts.size());
        List<Object> widened = new ArrayList<>();
        parts.forEach(part -> widened.add(part.get("smtpPoolWidenedTo")));
        assertEquals(
                java.util.Arrays.asList(null, null, 2, 4),
                widened,
                "4 connections granted (pool 1 x 4 segments), shared by the parts still open: 4, 3, 2, then 1");
        assertEquals(4, parts.get(3).get("smtpConnectionsOpened"));
        assertEquals(1, parts.get(0).get("smtpConnectionsOpened"));
        assertOneEmailEach(segmented, MEMBERS);
    }

    @Test
    void withSharingOffEveryPartKeepsItsOwnPool() throws Exception {
        try (FixtureFunction unshared = new FixtureFunction(
                segmented.property("listwire.smtp.share-every", "0s").context())) {
            List<Map<String, Object>> parts = sendPartsOneAfterAnother(unshared);

            assertEquals(4, parts.size());
            for (Map<String, Object> part : parts) {
                assertNull(part.get("smtpPoolWidenedTo"), "no part widens: " + part);
                assertEquals(1, part.get("smtpConnectionsOpened"));
            }
        }
        assertOneEmailEach(segmented, MEMBERS);
    }

    /** The producer's message splits the event; then each segment's message in its own invocation, in turn. */
    private List<Map<String, Object>> sendPartsOneAfterAnother(FixtureFunction function) {
        segmented.members().many("member", MEMBERS);
        var sqs = segmented.stack().sqs();
        sqs.sendMessage(b -> b.queueUrl(segmented.queueUrl()).messageBody(AAPL));
        function.handleRequest(SqsEvents.receive(sqs, segmented.queueUrl(), 1), null);
        for (int part = 0; part < 4; part++) {
            function.handleRequest(SqsEvents.receive(sqs, segmented.queueUrl(), 1), null);
        }
        List<Map<String, Object>> finished = segmented.logs().lines("event-finished");
        assertEquals("split", finished.get(0).get("outcome"));
        finished.stream().skip(1).forEach(part -> assertEquals("completed", part.get("outcome"), part.toString()));
        return finished.subList(1, finished.size());
    }
}
