package dev.listwire.devstack.lambda;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import java.util.List;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * The JSON event Lambda's SQS event source mapping hands a function, built from received messages.
 * Shape: https://docs.aws.amazon.com/lambda/latest/dg/with-sqs.html#example-standard-queue-message-event
 */
public final class SqsEventJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SqsEventJson() {}

    public static String of(List<Message> messages, String queueArn, String region) {
        ObjectNode event = JSON.createObjectNode();
        ArrayNode records = event.putArray("Records");
        for (Message message : messages) {
            ObjectNode record = records.addObject();
            record.put("messageId", message.messageId());
            record.put("receiptHandle", message.receiptHandle());
            record.put("body", message.body());
            ObjectNode attributes = record.putObject("attributes");
            message.attributesAsStrings().forEach(attributes::put);
            ObjectNode messageAttributes = record.putObject("messageAttributes");
            message.messageAttributes().forEach((name, value) -> messageAttributes.set(name, attribute(value)));
            record.put("md5OfBody", message.md5OfBody());
            record.put("eventSource", "aws:sqs");
            record.put("eventSourceARN", queueArn);
            record.put("awsRegion", region);
        }
        return event.toString();
    }

    /** The message ids a batch response names as failed: {@code {"batchItemFailures":[{"itemIdentifier":…}]}}. */
    public static List<String> failedIds(String batchResponse) throws java.io.IOException {
        var failures = JSON.readTree(batchResponse).path("batchItemFailures");
        return java.util.stream.StreamSupport.stream(failures.spliterator(), false)
                .map(f -> f.path("itemIdentifier").asText())
                .toList();
    }

    private static ObjectNode attribute(MessageAttributeValue value) {
        ObjectNode node = JSON.createObjectNode();
        if (value.stringValue() != null) {
            node.put("stringValue", value.stringValue());
        }
        if (value.binaryValue() != null) {
            node.put(
                    "binaryValue",
                    Base64.getEncoder().encodeToString(value.binaryValue().asByteArray()));
        }
        node.putArray("stringListValues");
        node.putArray("binaryListValues");
        node.put("dataType", value.dataType());
        return node;
    }
}
