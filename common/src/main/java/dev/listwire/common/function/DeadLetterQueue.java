package dev.listwire.common.function;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.listwire.common.manifest.ListManifest;
import dev.listwire.common.queue.DeadLetterReasons;
import jakarta.inject.Singleton;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Moves a message that can never succeed to the list's DLQ at once, its body untouched and the reason
 * in message attributes, instead of letting SQS retry it {@code maxReceives} times first.
 */
@Singleton
final class DeadLetterQueue {

    private final SqsClient sqs;
    private final String url;
    private final ListManifest list;

    DeadLetterQueue(SqsClient sqs, FunctionConfiguration configuration, ListManifest list) {
        this.sqs = sqs;
        this.url = configuration.dlqUrl();
        this.list = list;
    }

    void send(SQSEvent.SQSMessage message, EventIdentity id, String reason) {
        String body = message.getBody() == null || message.getBody().isEmpty() ? " " : message.getBody();
        sqs.sendMessage(b -> b.queueUrl(url)
                .messageBody(body)
                .messageAttributes(Map.of(
                        DeadLetterReasons.REASON,
                        DeadLetterReasons.text(reason),
                        "listwire-list",
                        DeadLetterReasons.text(list.name()),
                        "listwire-source-message-id",
                        DeadLetterReasons.text(id.messageId()),
                        EventIdentity.EVENT_ID_ATTRIBUTE,
                        DeadLetterReasons.text(id.eventId()))));
    }
}
