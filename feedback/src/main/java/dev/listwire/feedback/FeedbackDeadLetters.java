package dev.listwire.feedback;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.listwire.common.logging.JsonLines;
import dev.listwire.common.queue.DeadLetterReasons;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.inject.Singleton;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Where an SES notification that is not one goes: the feedback queue's DLQ, its body untouched and the reason
 * in a message attribute (as the lists' DLQ has it), instead of SQS retrying it first.
 */
@Singleton
final class FeedbackDeadLetters {

    private final SqsClient sqs;
    private final FeedbackConfiguration configuration;
    private final JsonLines log;

    FeedbackDeadLetters(SqsClient sqs, FeedbackConfiguration configuration, JsonLines log) {
        if (configuration.dlqUrl() == null || configuration.dlqUrl().isBlank()) {
            throw new ConfigurationException(
                    "the SES source needs listwire.feedback.dlq-url (LISTWIRE_FEEDBACK_DLQ_URL):"
                            + " a body that is not an SES notification goes there with its reason");
        }
        this.sqs = sqs;
        this.configuration = configuration;
        this.log = log;
    }

    void send(SQSEvent.SQSMessage message, String reason) {
        log.warn("feedback-dead-lettered", Map.of("messageId", message.getMessageId(), "reason", reason));
        String body = message.getBody() == null || message.getBody().isEmpty() ? " " : message.getBody();
        sqs.sendMessage(b -> b.queueUrl(configuration.dlqUrl())
                .messageBody(body)
                .messageAttributes(Map.of(DeadLetterReasons.REASON, DeadLetterReasons.text(reason))));
    }
}
