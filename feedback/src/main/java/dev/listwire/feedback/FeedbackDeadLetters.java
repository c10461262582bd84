package dev.listwire.feedback;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.listwire.common.logging.JsonLines;
import jakarta.inject.Singleton;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * Where an SES notification that is not one goes: the feedback queue's DLQ, its body untouched and the reason
 * in a message attribute (as the lists' DLQ has it), instead of SQS retrying it first.
 */
@Singleton
final class FeedbackDeadLetters {

    static final String REASON = "listwire-error";
    private static final int MAX_ATTRIBUTE = 1024;

    private final SqsClient sqs;
    private final FeedbackConfiguration configuration;
    private final JsonLines log;

    FeedbackDeadLetters(SqsClient sqs, FeedbackConfiguration configuration, JsonLines log) {
        this.sqs = sqs;
        this.configuration = configuration;
        this.log = log;
    }

    void send(SQSEvent.SQSMessage message, String reason) {
        log.warn("feedback-dead-lettered", Map.of("messageId", message.getMessageId(), "reason", reason));
        if (configuration.dlqUrl() == null) {
            return;
        }
        String body = message.getBody() == null || message.getBody().isEmpty() ? " " : message.getBody();
        String bounded = reason.length() > MAX_ATTRIBUTE ? reason.substring(0, MAX_ATTRIBUTE) : reason;
        sqs.sendMessage(b -> b.queueUrl(configuration.dlqUrl())
                .messageBody(body)
                .messageAttributes(Map.of(
                        REASON,
                        MessageAttributeValue.builder()
                                .dataType("String")
                                .stringValue(bounded)
                                .build())));
    }
}
