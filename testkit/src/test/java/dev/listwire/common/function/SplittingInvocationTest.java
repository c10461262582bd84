package dev.listwire.common.function;

import static dev.listwire.common.function.OneEmailEach.assertOneEmailEach;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.listwire.common.events.EventSummary;
import dev.listwire.testkit.ListUnderTest;
import dev.listwire.testkit.QueueDrain;
import dev.listwire.testkit.SqsEvents;
import dev.listwire.testkit.SummaryReads;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The invocation that splits an event runs the event's first segment itself and queues the others
 * (dynalite, ElasticMQ, GreenMail; the fixture list asks for 4 segments).
 */
class SplittingInvocationTest {

    private static final String AAPL = "{\"ticker\":\"AAPL\",\"price\":189.95}";

    @RegisterExtension
    final ListUnderTest<FixtureFunction> segmented =
            ListUnderTest.of("classpath:fixture-segmented-list.json", FixtureFunction::new);

    @Test
    void theSplittingInvocationSendsSegmentZeroAndQueuesOnlyTheOthers() throws Exception {
        segmented.members().many("member", 400);

        SQSBatchResponse response = segmented.handle(event("m-split", "e-split"));

        assertTrue(response.getBatchItemFailures().isEmpty(), "the producer's message is done with");
        var finished = segmented.logs().lines("event-finished");
        assertEquals(
                List.of("split", "completed"),
                finished.stream().map(l -> l.get("outcome")).toList());
        assertEquals(4, finished.get(0).get("splitInto"));
        assertEquals("0/4", finished.get(1).get("segment"));
        int segmentZero = segmented.recipients().size();
        assertTrue(segmentZero > 0 && segmentZero < 400, "segment 0's members only: " + segmentZero);
        EventSummary afterSplit = summary("e-split");
        assertEquals(1, afterSplit.progress().invocations(), "the split and its segment are one invocation");
        assertEquals(3, afterSplit.progress().openParts(), "four parts after the split, segment 0 done");

        QueueDrain.run(
                segmented.function(),
                segmented.stack().sqs(),
                segmented.queueUrl(),
                1,
                () -> null,
                Duration.ofMinutes(5));

        assertEquals(
                List.of("1/4", "2/4", "3/4"),
                segmented.logs().lines("event-finished").stream()
                        .skip(2)
                        .map(l -> (String) l.get("segment"))
                        .sorted()
                        .toList(),
                "only the other segments were queued");
        assertOneEmailEach(segmented, 400);
        EventSummary done = summary("e-split");
        assertEquals(4, done.progress().invocations());
        assertEquals(0, done.progress().openParts());
        assertEquals("completed", done.outcome());
    }

    @Test
    void aSegmentZeroThatMustBeRetriedGoesOnTheQueueWithTheOthers() throws Exception {
        segmented.members().many("member", 40);
        // The split is recorded in the ledger's table; segment 0's scan of a table that is not there fails.
        try (FixtureFunction function = new FixtureFunction(segmented
                .property("listwire.function.members-table", "no-such-members")
                .context())) {
            SQSBatchResponse response = function.handleRequest(event("m-retry", "e-retry"), null);

            assertTrue(response.getBatchItemFailures().isEmpty(), "segment 0 is on the queue instead");
        }

        var finished = segmented.logs().lines("event-finished");
        assertEquals(
                List.of("split", "retry"),
                finished.stream().map(l -> l.get("outcome")).toList());
        assertTrue(
                String.valueOf(finished.get(1).get("error")).contains("ResourceNotFoundException"),
                finished.get(1).toString());
        assertTrue(segmented.recipients().isEmpty());
        assertEquals(List.of("0/4", "1/4", "2/4", "3/4"), segmentsOnTheQueue());
    }

    /** The segment messages on the list's queue, as {@code segment/segments}, sorted; received and left there. */
    private List<String> segmentsOnTheQueue() throws Exception {
        Continuations continuations =
                segmented.function().getApplicationContext().getBean(Continuations.class);
        List<String> parts = new ArrayList<>();
        for (SQSEvent.SQSMessage m : SqsEvents.receive(segmented.stack().sqs(), segmented.queueUrl(), 10)
                .getRecords()) {
            Continuation at = continuations.read(m, EventIdentity.of(m)).orElseThrow();
            parts.add(at.segment() + "/" + at.segments());
        }
        return parts.stream().sorted().toList();
    }

    private static SQSEvent event(String messageId, String eventId) {
        return SqsEvents.withAttributes(messageId, AAPL, Map.of("eventId", eventId));
    }

    private EventSummary summary(String eventId) {
        return SummaryReads.of(segmented, eventId);
    }
}
