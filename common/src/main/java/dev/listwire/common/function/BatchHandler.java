package dev.listwire.common.function;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.listwire.common.logging.JsonLines;
import dev.listwire.common.mail.SmtpConfiguration;
import dev.listwire.common.mail.SmtpPool;
import dev.listwire.common.members.Member;
import dev.listwire.common.payload.PayloadReader;
import dev.listwire.common.payload.RejectedPayload;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiPredicate;

/**
 * One invocation's batch: each message is an event, handled on its own, so that one bad message never
 * fails the others. The response names only the messages SQS must retry (ReportBatchItemFailures).
 */
final class BatchHandler<T> {

    private final EventFanOut fanOut;
    private final Continuations continuations;
    private final FunctionConfiguration configuration;
    private final SmtpConfiguration smtpConfiguration;
    private final DeadLetterQueue deadLetters;
    private final PayloadReader<T> reader;
    private final BiPredicate<Member, T> wants;
    private final JsonLines log;

    BatchHandler(EventFanOut fanOut, Continuations continuations, FunctionConfiguration configuration,
                 SmtpConfiguration smtpConfiguration, DeadLetterQueue deadLetters, PayloadReader<T> reader, BiPredicate<Member, T> wants, JsonLines log) {
        this.fanOut = fanOut;
        this.continuations = continuations;
        this.configuration = configuration;
        this.smtpConfiguration = smtpConfiguration;
        this.deadLetters = deadLetters;
        this.reader = reader;
        this.wants = wants;
        this.log = log;
    }

    /** @param lambda the invocation's context, for its time left; null when called outside Lambda */
    SQSBatchResponse handle(SQSEvent batch, Context lambda) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        List<SQSEvent.SQSMessage> records = batch == null || batch.getRecords() == null ? List.of() : batch.getRecords();
        SendPacer pacer = new SendPacer(fanOut.list().tuning().sendRatePerSecond());
        TimeBudget budget = lambda == null ? TimeBudget.UNLIMITED
                : new TimeBudget(lambda, configuration.continueMargin(fanOut.list().tuning().timeoutSeconds()));
        try (SmtpPool smtp = new SmtpPool(fanOut.session(), smtpConfiguration.poolSize())) {
            for (SQSEvent.SQSMessage message : records) {
                if (!handle(message, smtp, pacer, budget)) {
                    failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
                }
            }
        }
        return new SQSBatchResponse(failures);
    }

    /** @return true when SQS may delete the message */
    private boolean handle(SQSEvent.SQSMessage message, SmtpPool smtp, SendPacer pacer, TimeBudget budget) {
        EventIdentity id = EventIdentity.of(message);
        EventReport report = new EventReport(fanOut.list().name(), id);
        int connectionsBefore = smtp.connectionsOpened();
        T event;
        Optional<Continuation> resumed;
        try {
            resumed = continuations.read(message, id);
            event = reader.read(message.getBody());
        } catch (RejectedPayload rejected) {
            return deadLetter(message, id, report, rejected.getMessage());
        }
        int segments = fanOut.list().tuning().segments();
        try {
            if (resumed.isEmpty() && segments > 1) {
                split(message, id, segments, report);
            } else {
                Continuation from = resumed.orElse(Continuation.WHOLE_LIST);
                report.from(from);
                // The login overlaps the first page, the first claims and the first reservation of sends.
                smtp.openAhead();
                Optional<Pause> pause = fanOut.send(id, event, from, budget, wants, smtp, pacer, report);
                if (pause.isPresent() && report.outcome() == EventReport.Outcome.COMPLETED) {
                    continuations.send(message, id, pause.get().next(), pause.get().delaySeconds());
                    report.paused(pause.get());
                }
            }
        } catch (RuntimeException e) {
            report.error(String.valueOf(e));
        }
        EventReport.Outcome outcome = report.outcome();
        Map<String, Object> fields = report.fields(outcome, smtp.connectionsOpened() - connectionsBefore);
        if (outcome == EventReport.Outcome.RETRY) {
            log.warn("event-finished", fields);
        } else {
            log.info("event-finished", fields);
        }
        return outcome != EventReport.Outcome.RETRY;
    }

    /** One message per parallel-scan segment, so that several invocations send the event at once. */
    private void split(SQSEvent.SQSMessage message, EventIdentity id, int segments, EventReport report) {
        for (int segment = 0; segment < segments; segment++) {
            continuations.send(message, id, Continuation.segment(segment, segments), 0);
        }
        report.split(segments);
    }

    private boolean deadLetter(SQSEvent.SQSMessage message, EventIdentity id, EventReport report, String reason) {
        try {
            deadLetters.send(message, id, reason);
        } catch (RuntimeException e) {
            report.error("payload rejected (" + reason + ") but the DLQ refused it: " + e);
            log.error("event-finished", report.fields(EventReport.Outcome.RETRY, 0));
            return false;
        }
        report.error(reason);
        log.warn("event-finished", report.fields(EventReport.Outcome.DEAD_LETTERED, 0));
        return true;
    }
}
