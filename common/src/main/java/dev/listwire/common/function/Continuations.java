package dev.listwire.common.function;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.listwire.common.manifest.ListManifest;
import dev.listwire.common.payload.RejectedPayload;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * The follow-up messages a list function puts on its own queue when an event does not fit in one
 * invocation: the producer's body unchanged, the event id (the ledger key, so nobody gets the event twice)
 * and a signed {@code listwire-continuation} attribute saying where to resume.
 *
 * <p>The signature ({@link ContinuationSigner}) binds the list, the event id, the body and the position, so a
 * producer, who can write to the queue but does not hold the key, cannot make a message that starts in the
 * middle of the list; a continuation that fails the check goes to the DLQ. The body is validated again
 * on every part, like any payload.
 */
@Singleton
final class Continuations {

    static final String ATTRIBUTE = "listwire-continuation";

    private final SqsClient sqs;
    private final ContinuationSigner signer;
    private final ListManifest list;
    private final String configuredUrl;
    private final Map<String, String> urlsByArn = new ConcurrentHashMap<>();

    Continuations(SqsClient sqs, ContinuationSigner signer, ListManifest list, FunctionConfiguration configuration) {
        this.sqs = sqs;
        this.signer = signer;
        this.list = list;
        this.configuredUrl = configuration.queueUrl();
    }

    /** Where a message resumes; empty for a producer's message, which starts the event. */
    Optional<Continuation> read(SQSEvent.SQSMessage message, EventIdentity id) throws RejectedPayload {
        var attributes = message.getMessageAttributes();
        var attribute = attributes == null ? null : attributes.get(ATTRIBUTE);
        if (attribute == null) {
            return Optional.empty();
        }
        String body = hash(message.getBody());
        return signer.verify(attribute.getStringValue())
                .filter(signed -> signed.list().equals(list.name())
                        && signed.eventId().equals(id.eventId())
                        && signed.bodyHash().equals(body))
                .map(signed -> Optional.of(signed.position()))
                .orElseThrow(() -> new RejectedPayload("the " + ATTRIBUTE + " attribute is not one this list's "
                        + "function signed for this event and body: continuations are written by the function only"));
    }

    /** Puts the rest of the event on the list's queue, visible after {@code delaySeconds} (at most 900). */
    void send(SQSEvent.SQSMessage message, EventIdentity id, Continuation next, int delaySeconds) {
        String token = signer.sign(new SignedContinuation(list.name(), id.eventId(), hash(message.getBody()), next));
        sqs.sendMessage(b -> b.queueUrl(queueUrl(message))
                .messageBody(message.getBody())
                .delaySeconds(Math.max(0, Math.min(900, delaySeconds)))
                .messageAttributes(
                        Map.of(EventIdentity.EVENT_ID_ATTRIBUTE, text(id.eventId()), ATTRIBUTE, text(token))));
    }

    private String queueUrl(SQSEvent.SQSMessage message) {
        if (configuredUrl != null && !configuredUrl.isBlank()) {
            return configuredUrl;
        }
        // arn:aws:sqs:<region>:<account>:<queue>, the queue this message came from.
        String arn = message.getEventSourceArn();
        String[] parts = arn == null ? new String[0] : arn.split(":");
        if (parts.length != 6) {
            throw new IllegalStateException("cannot tell the list's queue: set listwire.function.queue-url "
                    + "(LISTWIRE_FUNCTION_QUEUE_URL); the record's eventSourceARN is " + arn);
        }
        return urlsByArn.computeIfAbsent(
                arn,
                a -> sqs.getQueueUrl(b -> b.queueName(parts[5]).queueOwnerAWSAccountId(parts[4]))
                        .queueUrl());
    }

    private static String hash(String body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(String.valueOf(body).getBytes(StandardCharsets.UTF_8));
            return SignedContinuation.B64.encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static MessageAttributeValue text(String value) {
        return MessageAttributeValue.builder()
                .dataType("String")
                .stringValue(value)
                .build();
    }
}
