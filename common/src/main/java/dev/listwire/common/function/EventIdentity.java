package dev.listwire.common.function;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.listwire.common.mail.HeaderValues;

/**
 * Who an event is: the producer's {@code eventId} message attribute when it sends one (so that its own
 * retries are one event), otherwise the SQS message id.
 */
record EventIdentity(String eventId, String messageId) {

    static final String EVENT_ID_ATTRIBUTE = "eventId";
    private static final int MAX_LENGTH = 256;

    static EventIdentity of(SQSEvent.SQSMessage message) {
        String messageId = message.getMessageId();
        var attributes = message.getMessageAttributes();
        var attribute = attributes == null ? null : attributes.get(EVENT_ID_ATTRIBUTE);
        String given = attribute == null || attribute.getStringValue() == null
                ? ""
                : HeaderValues.singleLine(attribute.getStringValue());
        if (given.isEmpty() || given.length() > MAX_LENGTH) {
            return new EventIdentity(messageId, messageId);
        }
        return new EventIdentity(given, messageId);
    }
}
