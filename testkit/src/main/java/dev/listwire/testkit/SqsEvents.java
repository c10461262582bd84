package dev.listwire.testkit;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageResponse;

/**
 * SQS events as Lambda delivers them: JSON in the shape the event source mapping writes, turned into
 * {@link SQSEvent} by the serializer the Lambda runtime itself uses for it (aws-lambda-java-serialization's
 * {@link LambdaEventSerializers}; a function's jar ships no serializer of its own).
 */
public final class SqsEvents {

    private static final PojoSerializer<SQSEvent> SERIALIZER =
            LambdaEventSerializers.serializerFor(SQSEvent.class, SqsEvents.class.getClassLoader());
    private static final JsonMapper JSON = JsonMapper.createDefault();

    private SqsEvents() {}

    public static SQSEvent fromJson(String json) {
        return SERIALIZER.fromJson(json);
    }

    /** A fixture file (real SQS event JSON) from the test class path. */
    public static SQSEvent fromResource(String path) {
        try (InputStream in = SqsEvents.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("no SQS event fixture at " + path);
            }
            return fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One message with this body, as if a producer had sent it and Lambda delivered it. */
    /**
     * The {@code eventId} message attribute as a producer sets it on {@code SendMessage} (DESIGN.md): two
     * messages with the same one are one event.
     */
    public static Map<String, MessageAttributeValue> eventIdAttribute(String eventId) {
        return Map.of(
                "eventId",
                MessageAttributeValue.builder()
                        .dataType("String")
                        .stringValue(eventId)
                        .build());
    }

    public static SQSEvent ofBody(String messageId, String body) {
        return fromJson(json(List.of(record(messageId, "rh-" + messageId, body, Map.of(), 1))));
    }

    /** One message with this body and these String message attributes. */
    public static SQSEvent withAttributes(String messageId, String body, Map<String, String> attributes) {
        Map<String, Object> wire = new LinkedHashMap<>();
        attributes.forEach((name, value) -> wire.put(
                name,
                Map.of(
                        "stringValue",
                        value,
                        "stringListValues",
                        List.of(),
                        "binaryListValues",
                        List.of(),
                        "dataType",
                        "String")));
        return fromJson(json(List.of(record(messageId, "rh-" + messageId, body, wire, 1))));
    }

    /** Several messages in one batch: message id, body, message id, body, ... */
    public static SQSEvent batch(String... idAndBody) {
        List<Map<String, Object>> records = new ArrayList<>();
        for (int i = 0; i < idAndBody.length; i += 2) {
            records.add(record(idAndBody[i], "rh-" + idAndBody[i], idAndBody[i + 1], Map.of(), 1));
        }
        return fromJson(json(records));
    }

    /**
     * Receives up to {@code max} messages from a queue and delivers them as one event, the way the event
     * source mapping does (the messages stay invisible for the queue's visibility timeout).
     */
    public static SQSEvent receive(SqsClient sqs, String queueUrl, int max) {
        return fromJson(json(
                messages(sqs, queueUrl, max).stream().map(SqsEvents::record).toList()));
    }

    /**
     * One receive of up to {@code max} messages (10 at most), as one event: what the event source mapping
     * delivers when fewer messages wait than its batch size. Empty when none came within a second.
     */
    public static SQSEvent receiveOnce(SqsClient sqs, String queueUrl, int max) {
        ReceiveMessageResponse response = sqs.receiveMessage(b -> b.queueUrl(queueUrl)
                .maxNumberOfMessages(Math.min(10, max))
                .waitTimeSeconds(1)
                .messageAttributeNames("All")
                .messageSystemAttributeNames(MessageSystemAttributeName.ALL));
        return fromJson(json(response.messages().stream().map(SqsEvents::record).toList()));
    }

    /**
     * Up to {@code max} messages from a queue, with their attributes. One receive may return fewer messages
     * than are waiting, so this asks again until it has {@code max} or a receive comes back empty.
     */
    public static List<Message> messages(SqsClient sqs, String queueUrl, int max) {
        List<Message> messages = new ArrayList<>();
        for (int attempt = 0; attempt < 5 && messages.size() < max; attempt++) {
            int wanted = Math.min(10, max - messages.size());
            ReceiveMessageResponse response = sqs.receiveMessage(b -> b.queueUrl(queueUrl)
                    .maxNumberOfMessages(wanted)
                    .waitTimeSeconds(1)
                    .messageAttributeNames("All")
                    .messageSystemAttributeNames(MessageSystemAttributeName.ALL));
            if (response.messages().isEmpty()) {
                break;
            }
            messages.addAll(response.messages());
        }
        return messages;
    }

    private static Map<String, Object> record(Message m) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        m.messageAttributes()
                .forEach((name, value) -> attributes.put(
                        name,
                        Map.of(
                                "stringValue",
                                value.stringValue(),
                                "stringListValues",
                                List.of(),
                                "binaryListValues",
                                List.of(),
                                "dataType",
                                value.dataType())));
        int receives = Integer.parseInt(m.attributesAsStrings().getOrDefault("ApproximateReceiveCount", "1"));
        return record(m.messageId(), m.receiptHandle(), m.body(), attributes, receives);
    }

    private static Map<String, Object> record(
            String messageId, String receiptHandle, String body, Map<String, Object> messageAttributes, int receives) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("messageId", messageId);
        r.put("receiptHandle", receiptHandle);
        r.put("body", body);
        r.put(
                "attributes",
                Map.of(
                        "ApproximateReceiveCount",
                        Integer.toString(receives),
                        "SentTimestamp",
                        Long.toString(System.currentTimeMillis()),
                        "SenderId",
                        "AIDAIENQZJOLO23YVJ4VO",
                        "ApproximateFirstReceiveTimestamp",
                        Long.toString(System.currentTimeMillis())));
        r.put("messageAttributes", messageAttributes);
        r.put("md5OfBody", "");
        r.put("eventSource", "aws:sqs");
        r.put("eventSourceARN", "arn:aws:sqs:us-east-1:000000000000:listwire-test");
        r.put("awsRegion", "us-east-1");
        return r;
    }

    private static String json(List<Map<String, Object>> records) {
        try {
            return JSON.writeValueAsString(Map.of("Records", records));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
