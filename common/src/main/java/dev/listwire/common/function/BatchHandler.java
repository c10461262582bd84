package dev.listwire.common.function;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.listwire.common.payload.RejectedPayload;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * One invocation's batch: each message is an event, handled on its own, so that one bad message never
 * fails the others. Each message's {@link EventResult} alone decides what is put on a queue (a
 * continuation, the split parts, the DLQ) and whether SQS must retry it: the response names only those
 * messages (ReportBatchItemFailures). Each event's summary is written once the batch is done.
 *
 * <p>An event split into {@code n} segments puts segments 1 to {@code n - 1} on the queue and then runs
 * segment 0 itself, in the same invocation: its first email goes out as soon as the others', not after the
 * splitting invocation has ended and its worker has taken another message (one invocation fewer an event).
 * The split's summary is written first, for the parts that read how many of the event are open. Should that
 * segment's run have to be retried, its message goes on the queue like the others' and the producer's
 * message is deleted; when SQS refuses that too, the producer's message is retried and split again (the
 * segments' runs claim every recipient from then on, so no one gets the email twice).
 */
@Singleton
final class BatchHandler {

    private final Invocations invocations;
    private final EventRuns runs;
    private final Continuations continuations;
    private final DeadLetterQueue deadLetters;
    private final EventEndings endings;

    BatchHandler(
            Invocations invocations,
            EventRuns runs,
            Continuations continuations,
            DeadLetterQueue deadLetters,
            EventEndings endings) {
        this.invocations = invocations;
        this.runs = runs;
        this.continuations = continuations;
        this.deadLetters = deadLetters;
        this.endings = endings;
    }

    /** @param lambda the invocation's context, for its time left; null when called outside Lambda */
    <T> SQSBatchResponse handle(SQSEvent batch, Context lambda, ListPayload<T> payload) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        List<SQSEvent.SQSMessage> records =
                batch == null || batch.getRecords() == null ? List.of() : batch.getRecords();
        EventEndings.Batch summaries = endings.batch();
        try (Invocation invocation = invocations.open(lambda)) {
            for (SQSEvent.SQSMessage message : records) {
                if (!handle(message, payload, invocation, summaries)) {
                    failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
                }
            }
        } finally {
            summaries.write();
        }
        return new SQSBatchResponse(failures);
    }

    /**
     * One message: runs its event (or, for a split event, the split and then its first segment), does what the
     * results ask of SQS and logs each part's line.
     *
     * @return whether SQS may delete the message
     */
    private <T> boolean handle(
            SQSEvent.SQSMessage message, ListPayload<T> payload, Invocation invocation, EventEndings.Batch summaries) {
        EventIdentity id = EventIdentity.of(message);
        ListEvent<T> event;
        Optional<Continuation> resumed;
        try {
            resumed = continuations.read(message, id);
            event = payload.read(id, message.getBody());
        } catch (RejectedPayload rejected) {
            EventResult dead = new EventResult.DeadLettered(rejected.getMessage());
            return deletable(part(message, id, invocation, summaries, report -> dead));
        }
        EventResult result = part(
                message,
                id,
                invocation,
                summaries,
                report -> resumed.isPresent()
                        ? runFrom(event, resumed.get(), invocation, report)
                        : splitOrRun(event, id, invocation, report));
        if (!(result instanceof EventResult.Split split)) {
            return deletable(result);
        }
        // The other segments read the event's open parts (ConnectionShare): the split's count goes first.
        summaries.write();
        Continuation own = Continuation.segment(0, split.segments());
        EventResult ownResult =
                part(message, id, invocation, summaries, report -> runFrom(event, own, invocation, report));
        return deletable(ownResult) || handedOver(message, id, own);
    }

    /**
     * One part of an event in this invocation: its run, what its result asks of SQS, its line and its share
     * of the event's summary.
     */
    private EventResult part(
            SQSEvent.SQSMessage message,
            EventIdentity id,
            Invocation invocation,
            EventEndings.Batch summaries,
            Function<EventReport, EventResult> running) {
        EventReport report = new EventReport(runs.list().name(), id);
        int connectionsBefore = invocation.smtp().connectionsOpened();
        EventResult result = enact(message, id, running.apply(report));
        // A rejected payload never reached SMTP: a login under way for an earlier message is not its own.
        int connections = rejectedPayload(result) ? 0 : invocation.smtp().connectionsOpened() - connectionsBefore;
        endings.finished(result, report.fields(result, connections));
        summaries.add(report.progress(result));
        return result;
    }

    /** The splitting invocation's own segment, to be retried, goes on the queue as the other segments did. */
    private boolean handedOver(SQSEvent.SQSMessage message, EventIdentity id, Continuation own) {
        try {
            continuations.send(message, id, own, 0);
            return true;
        } catch (RuntimeException refused) {
            return false;
        }
    }

    /** A producer's message: split when the list asks for segments, else a run over the whole list. */
    private <T> EventResult splitOrRun(
            ListEvent<T> event, EventIdentity id, Invocation invocation, EventReport report) {
        int segments;
        try {
            segments = runs.split(id);
        } catch (RuntimeException e) {
            return new EventResult.Retry(RetryReason.ERROR, String.valueOf(e));
        }
        return segments > 1
                ? new EventResult.Split(segments)
                : runFrom(event, Continuation.WHOLE_LIST, invocation, report);
    }

    private <T> EventResult runFrom(ListEvent<T> event, Continuation from, Invocation invocation, EventReport report) {
        try {
            report.from(from);
            // The login overlaps the first page, the first claims and the first reservation of sends.
            invocation.smtp().openAhead();
            return runs.run(event, from, invocation, report);
        } catch (RuntimeException e) {
            return new EventResult.Retry(RetryReason.ERROR, String.valueOf(e));
        }
    }

    /** Whether SQS may delete the message: every result but a retry has done what the message asked. */
    static boolean deletable(EventResult result) {
        return !(result instanceof EventResult.Retry);
    }

    /**
     * Puts on a queue what the result asks for: the continuation of a paused event, one message per segment
     * of a split one, a rejected payload on the DLQ. When SQS refuses, the message must be retried instead.
     */
    EventResult enact(SQSEvent.SQSMessage message, EventIdentity id, EventResult result) {
        try {
            if (result instanceof EventResult.Paused paused) {
                continuations.send(message, id, paused.next(), paused.delaySeconds());
            } else if (result instanceof EventResult.Split split) {
                List<Continuation> segments = new ArrayList<>();
                // Segment 0 is the splitting invocation's own (see handle).
                for (int segment = 1; segment < split.segments(); segment++) {
                    segments.add(Continuation.segment(segment, split.segments()));
                }
                continuations.sendAll(message, id, segments);
            }
        } catch (RuntimeException e) {
            return new EventResult.Retry(RetryReason.ERROR, String.valueOf(e));
        }
        if (result instanceof EventResult.DeadLettered dead) {
            try {
                deadLetters.send(message, id, dead.reason());
            } catch (RuntimeException e) {
                return new EventResult.Retry(
                        RetryReason.DEAD_LETTER_REFUSED,
                        "payload rejected (" + dead.reason() + ") but the DLQ refused it: " + e);
            }
        }
        return result;
    }

    private static boolean rejectedPayload(EventResult result) {
        return result instanceof EventResult.DeadLettered
                || result instanceof EventResult.Retry retry && retry.reason() == RetryReason.DEAD_LETTER_REFUSED;
    }
}
