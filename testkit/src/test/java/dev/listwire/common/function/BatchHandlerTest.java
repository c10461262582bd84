package dev.listwire.common.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.listwire.testkit.ListFixture;
import dev.listwire.testkit.SqsEvents;
import io.micronaut.context.ApplicationContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;

/** What BatchHandler puts on the list's queues for each way an event ends, against ElasticMQ. */
class BatchHandlerTest {

    private static final String BODY = "{\"ticker\":\"AAPL\",\"price\":189.95}";

    private final ListFixture list = ListFixture.forManifest("classpath:fixture-list.json");
    private ApplicationContext context;

    @AfterEach
    void stop() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void aPausedEventGoesOnInOneSignedContinuationFromWhereItStopped() throws Exception {
        Continuation next = new Continuation(0, 1, Optional.of("ada@example.com"));
        EventResult paused = new EventResult.Paused(next, 0, PauseReason.QUOTA_SPENT);

        assertSame(paused, handler().enact(message(), id(), paused));

        SQSEvent.SQSMessage continuation = queued(list.queueUrl(), 1).get(0);
        assertEquals(BODY, continuation.getBody());
        assertEquals(Optional.of(next), context.getBean(Continuations.class).read(continuation, id()));
    }

    @Test
    void aSplitEventGoesOnAsOneMessagePerSegmentButTheFirstWhichTheSplittingInvocationRuns() throws Exception {
        EventResult split = new EventResult.Split(3);

        assertSame(split, handler().enact(message(), id(), split));

        Continuations continuations = context.getBean(Continuations.class);
        List<String> parts = new ArrayList<>();
        for (SQSEvent.SQSMessage part : queued(list.queueUrl(), 2)) {
            Continuation at = continuations.read(part, id()).orElseThrow();
            parts.add(at.segment() + "/" + at.segments());
        }
        assertEquals(List.of("1/3", "2/3"), parts.stream().sorted().toList());
    }

    @Test
    void aSplitIntoMoreSegmentsThanOneBatchHoldsPutsEachSegmentOnce() throws Exception {
        EventResult split = new EventResult.Split(12);

        assertSame(split, handler().enact(message(), id(), split));

        assertEquals(
                java.util.stream.IntStream.range(1, 12)
                        .mapToObj(i -> i + "/12")
                        .sorted()
                        .toList(),
                segmentsQueued(message(), 11));
        assertTrue(SqsEvents.messages(list.stack().sqs(), list.queueUrl(), 1).isEmpty(), "no segment twice");
    }

    @Test
    void theSegmentsOfALargeBodyGoInSeveralBatchesAndArriveWhole() throws Exception {
        // 100 KiB a message: two fit under SQS's 256 KiB a batch, so the three segments queued take two calls.
        String body = "{\"ticker\":\"AAPL\",\"note\":\"" + "x".repeat(100 * 1024) + "\"}";
        SQSEvent.SQSMessage large =
                SqsEvents.ofBody("m-large", body).getRecords().get(0);
        EventResult split = new EventResult.Split(4);

        assertSame(split, handler().enact(large, EventIdentity.of(large), split));

        assertEquals(List.of("1/4", "2/4", "3/4"), segmentsQueued(large, 3));
    }

    @Test
    void aDeadLetteredPayloadGoesToTheDlqWithItsReason() {
        EventResult dead = new EventResult.DeadLettered("ticker: must not be blank");

        assertSame(dead, handler().enact(message(), id(), dead));

        Message moved = SqsEvents.messages(list.stack().sqs(), list.dlqUrl(), 1).get(0);
        assertEquals(
                "ticker: must not be blank",
                moved.messageAttributes().get("listwire-error").stringValue());
    }

    @Test
    void doneAndRetryPutNothingOnAQueue() {
        BatchHandler handler = handler();
        EventResult done = new EventResult.Done();
        EventResult retry = new EventResult.Retry(RetryReason.HELD_ELSEWHERE, Optional.empty());

        assertSame(done, handler.enact(message(), id(), done));
        assertSame(retry, handler.enact(message(), id(), retry));

        assertTrue(SqsEvents.messages(list.stack().sqs(), list.queueUrl(), 1).isEmpty());
        assertTrue(SqsEvents.messages(list.stack().sqs(), list.dlqUrl(), 1).isEmpty());
    }

    @Test
    void whenSqsRefusesWhatTheResultAsksTheMessageIsRetriedInstead() {
        String missing = list.queueUrl() + "-missing";
        list.property("listwire.function.queue-url", missing).property("listwire.function.dlq-url", missing);
        BatchHandler handler = handler();

        EventResult paused = handler.enact(
                message(), id(), new EventResult.Paused(Continuation.WHOLE_LIST, 0, PauseReason.OUT_OF_TIME));
        EventResult dead = handler.enact(message(), id(), new EventResult.DeadLettered("not JSON"));
        EventResult split = handler.enact(message(), id(), new EventResult.Split(3));

        assertEquals(
                RetryReason.ERROR,
                assertInstanceOf(EventResult.Retry.class, paused).reason());
        assertEquals(
                RetryReason.ERROR,
                assertInstanceOf(EventResult.Retry.class, split).reason());
        EventResult.Retry refused = assertInstanceOf(EventResult.Retry.class, dead);
        assertEquals(RetryReason.DEAD_LETTER_REFUSED, refused.reason());
        assertTrue(refused.error().orElseThrow().startsWith("payload rejected (not JSON) but the DLQ refused it"));
    }

    /** The segments on the list's queue, each as {@code segment/segments}, sorted; every body as the event's. */
    private List<String> segmentsQueued(SQSEvent.SQSMessage event, int count) throws Exception {
        Continuations continuations = context.getBean(Continuations.class);
        List<String> parts = new ArrayList<>();
        for (SQSEvent.SQSMessage part : queued(list.queueUrl(), count)) {
            assertEquals(event.getBody(), part.getBody());
            Continuation at = continuations.read(part, EventIdentity.of(event)).orElseThrow();
            parts.add(at.segment() + "/" + at.segments());
        }
        return parts.stream().sorted().toList();
    }

    private BatchHandler handler() {
        context = list.context().start();
        return context.getBean(BatchHandler.class);
    }

    private static SQSEvent.SQSMessage message() {
        return SqsEvents.ofBody("m-1", BODY).getRecords().get(0);
    }

    private static EventIdentity id() {
        return EventIdentity.of(message());
    }

    private List<SQSEvent.SQSMessage> queued(String queueUrl, int count) {
        List<SQSEvent.SQSMessage> records =
                SqsEvents.receive(list.stack().sqs(), queueUrl, count).getRecords();
        assertEquals(count, records.size());
        return records;
    }
}
