package dev.listwire.devstack.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * Reads a dead-letter queue without consuming it: every message is received (and so hidden for a
 * short while) until none is left, then made visible again, or deleted once it has been moved.
 */
final class DeadLetters {

    private static final int HIDE_SECONDS = 30;
    private final SqsClient sqs;
    private final String url;

    DeadLetters(SqsClient sqs, String url) {
        this.sqs = sqs;
        this.url = url;
    }

    List<Message> peekAll() {
        Map<String, Message> seen = new LinkedHashMap<>();
        while (true) {
            List<Message> batch = sqs.receiveMessage(b -> b.queueUrl(url)
                            .maxNumberOfMessages(10)
                            .waitTimeSeconds(1)
                            .visibilityTimeout(HIDE_SECONDS)
                            .messageAttributeNames("All")
                            .messageSystemAttributeNames(MessageSystemAttributeName.ALL))
                    .messages();
            if (batch.isEmpty()) {
                return new ArrayList<>(seen.values());
            }
            batch.forEach(m -> seen.put(m.messageId(), m));
        }
    }

    void release(List<Message> messages) {
        messages.forEach(m -> sqs.changeMessageVisibility(
                b -> b.queueUrl(url).receiptHandle(m.receiptHandle()).visibilityTimeout(0)));
    }

    void delete(Message m) {
        sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(m.receiptHandle()));
    }
}
