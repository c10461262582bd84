package dev.listwire.common.function;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.listwire.common.manifest.ListManifest;
import dev.listwire.common.payload.RejectedPayload;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

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

    /** The most entries SQS takes in one {@code SendMessageBatch}. */
    static final int BATCH_ENTRIES = 10;
    /** The most bytes of one {@code SendMessageBatch}'s messages, summed: SQS's classic limit, 256 KiB. */
    static final int BATCH_BYTES = 256 * 1024;
    /** A generous bound on one message's attributes (names, types, the event id and the signed position). */
    static final int ATTRIBUTES_BYTES = 2 * 1024;

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
        sqs.sendMessage(b -> b.queueUrl(queueUrl(message))
                .messageBody(message.getBody())
                .delaySeconds(Math.max(0, Math.min(900, delaySeconds)))
                .messageAttributes(attributes(id, hash(message.getBody()), next)));
    }

    /**
     * Puts one message per part on the list's queue at once, visible now: a split event's segments. They go
     * {@value #BATCH_ENTRIES} to a {@code SendMessageBatch} call, fewer when their bodies would pass
     * {@value #BATCH_BYTES} bytes, so that every segment's invocation starts a round trip after the first
     * instead of one round trip after the one before it. Throws when SQS refuses any of them; those already put
     * stay (a retry puts them all again, and the ledger keeps each member to one email).
     */
    void sendAll(SQSEvent.SQSMessage message, EventIdentity id, List<Continuation> parts) {
        String queueUrl = queueUrl(message);
        String body = message.getBody();
        String bodyHash = hash(body);
        int entryBytes = String.valueOf(body).getBytes(StandardCharsets.UTF_8).length + ATTRIBUTES_BYTES;
        int perCall = Math.max(1, Math.min(BATCH_ENTRIES, BATCH_BYTES / entryBytes));
        for (int from = 0; from < parts.size(); from += perCall) {
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
            for (int i = from; i < Math.min(parts.size(), from + perCall); i++) {
                entries.add(SendMessageBatchRequestEntry.builder()
                        .id("part-" + i)
                        .messageBody(body)
                        .messageAttributes(attributes(id, bodyHash, parts.get(i)))
                        .build());
            }
            SendMessageBatchResponse response =
                    sqs.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(entries));
            if (!response.failed().isEmpty()) {
                BatchResultErrorEntry failed = response.failed().get(0);
                throw new IllegalStateException(response.failed().size() + " of " + entries.size()
                        + " messages refused by SQS, the first (" + failed.id() + "): " + failed.code() + " "
                        + failed.message());
            }
        }
    }

    /** The event id and the signed position, for a message of this event whose body hashes to {@code bodyHash}. */
    private Map<String, MessageAttributeValue> attributes(EventIdentity id, String bodyHash, Continuation next) {
        String token = signer.sign(new SignedContinuation(list.name(), id.eventId(), bodyHash, next));
        return Map.of(EventIdentity.EVENT_ID_ATTRIBUTE, text(id.eventId()), ATTRIBUTE, text(token));
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
