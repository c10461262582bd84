package dev.listwire.common.queue;

import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * How a message that can never succeed carries its reason into a DLQ: a String message attribute
 * {@code listwire-error}, which {@code ./listwire dlq} prints. Shared by the lists' DLQs and the feedback DLQ.
 */
public final class DeadLetterReasons {

    /** The message attribute that holds the reason. */
    public static final String REASON = "listwire-error";

    /** SQS allows 256 KB for a message and its attributes; a reason is one line, cut well before that. */
    private static final int MAX_ATTRIBUTE = 1024;

    private DeadLetterReasons() {}

    /** A String attribute of at most 1,024 characters. */
    public static MessageAttributeValue text(String value) {
        String bounded = value.length() > MAX_ATTRIBUTE ? value.substring(0, MAX_ATTRIBUTE) : value;
        return MessageAttributeValue.builder()
                .dataType("String")
                .stringValue(bounded)
                .build();
    }
}
