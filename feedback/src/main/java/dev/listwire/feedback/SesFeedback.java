package dev.listwire.feedback;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.listwire.common.logging.JsonLines;
import dev.listwire.feedback.reports.Reading;
import dev.listwire.feedback.reports.SesNotifications;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One batch of SES notifications: each is acted on by itself. One that is not a notification of a known shape
 * goes to the dead-letter queue at once with its reason; one whose acting failed (DynamoDB) is named in the
 * batch response, so SQS gives it again and only it, and the reports already acted on are recognised then.
 */
@Singleton
public final class SesFeedback {

    private final SesNotifications notifications;
    private final FeedbackActions actions;
    private final FeedbackDeadLetters deadLetters;
    private final JsonLines log;

    SesFeedback(
            SesNotifications notifications, FeedbackActions actions, FeedbackDeadLetters deadLetters, JsonLines log) {
        this.notifications = notifications;
        this.actions = actions;
        this.deadLetters = deadLetters;
        this.log = log;
    }

    public SQSBatchResponse handle(SQSEvent batch) {
        FeedbackTally tally = new FeedbackTally();
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        List<SQSEvent.SQSMessage> records =
                batch == null || batch.getRecords() == null ? List.of() : batch.getRecords();
        for (SQSEvent.SQSMessage message : records) {
            tally.read();
            try {
                handle(message, tally);
            } catch (RuntimeException e) {
                log.warn(
                        "feedback-failed",
                        Map.of(
                                "source",
                                "ses",
                                "messageId",
                                message.getMessageId(),
                                "error",
                                String.valueOf(e.getMessage())));
                failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
            }
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("source", "ses");
        fields.putAll(tally.fields());
        fields.put("retried", failures.size());
        log.info("feedback-read", fields);
        return new SQSBatchResponse(failures);
    }

    private void handle(SQSEvent.SQSMessage message, FeedbackTally tally) {
        Reading reading = notifications.read(message.getBody() == null ? "" : message.getBody());
        if (reading instanceof Reading.Understood understood) {
            actions.actOn(understood, tally);
        } else if (reading instanceof Reading.NotUnderstood why) {
            tally.notUnderstood(why.why());
            deadLetters.send(message, why.why());
        }
    }
}
