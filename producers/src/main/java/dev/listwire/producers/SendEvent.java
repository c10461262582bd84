package dev.listwire.producers;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * Sends one event to a listwire list's queue. QUEUE_URL names the queue; credentials and region come from
 * the usual AWS places (environment, profile, role). Usage: {@code SendEvent '<json>' [eventId]}.
 */
public final class SendEvent {

    public static String send(SqsClient sqs, String queueUrl, String payloadJson, String eventId) {
        return sqs.sendMessage(b -> b.queueUrl(queueUrl)
                        .messageBody(payloadJson)
                        // Same eventId, same event: a retried send cannot email anyone twice.
                        .messageAttributes(
                                eventId == null
                                        ? Map.of()
                                        : Map.of(
                                                "eventId",
                                                MessageAttributeValue.builder()
                                                        .dataType("String")
                                                        .stringValue(eventId)
                                                        .build())))
                .messageId();
    }

    public static void main(String[] args) {
        var builder = SqsClient.builder();
        // AWS_ENDPOINT_URL_SQS is only for the devstack (recent SDKs read it themselves too).
        Optional.ofNullable(System.getenv("AWS_ENDPOINT_URL_SQS"))
                .map(URI::create)
                .ifPresent(builder::endpointOverride);
        try (SqsClient sqs = builder.build()) {
            System.out.println(send(sqs, System.getenv("QUEUE_URL"), args[0], args.length > 1 ? args[1] : null));
        }
    }

    private SendEvent() {}
}
