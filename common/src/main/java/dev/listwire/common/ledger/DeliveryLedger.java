package dev.listwire.common.ledger;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Remembers, per (list, event, recipient), that an email was sent, so that redelivery, retries and two
 * invocations holding the same message never send it twice.
 *
 * <p>The protocol, per recipient: a conditional {@code UpdateItem} claims the recipient with a lease as long
 * as the function timeout (it fails when the recipient is already sent, or claimed by a live invocation);
 * the email is sent; the claim is turned into {@code sent}, written in batches. A claim whose lease ran
 * out belongs to an invocation that died, and may be taken again. A recipient the SMTP server refused for now
 * is recorded {@code deferred} with its count of tries, and a later pass of the event may claim it again.
 *
 * <p>A segment's first run, while the ledger held nothing of the event and no other run of the segment can
 * start, skips the claims: it holds the whole segment alone ({@link SegmentRuns}), and writes only the
 * outcomes, in batches. Every later run (a retry, a continuation, a second delivery) claims.
 *
 * <p>The one window left: an invocation that dies after the SMTP server accepted an email but before
 * its {@code sent} mark reached the table. After the lease the recipient is sent the email again. That
 * copy carries the same {@code Message-ID} (derived from list, event and recipient), so mail systems
 * that de-duplicate by Message-ID, Gmail among them, show it once.
 */
@Singleton
public final class DeliveryLedger {

    private final DynamoDbClient dynamoDb;
    private final LedgerConfiguration configuration;
    private final Clock clock;

    public DeliveryLedger(DynamoDbClient dynamoDb, LedgerConfiguration configuration) {
        this(dynamoDb, configuration, Clock.systemUTC());
    }

    DeliveryLedger(DynamoDbClient dynamoDb, LedgerConfiguration configuration, Clock clock) {
        this.dynamoDb = dynamoDb;
        this.configuration = configuration;
        this.clock = clock;
    }

    /**
     * Opens the ledger of one event for one invocation.
     *
     * @param lease how long this invocation may hold a recipient: the function timeout
     */
    public EventLedger open(String list, String eventId, Duration lease) {
        return new EventLedger(dynamoDb, configuration, clock, holder(list, eventId, lease), Optional.empty());
    }

    /** How the event's runs stand: its split, and each segment's first run ({@link SegmentRuns}). */
    public SegmentRuns runs(String list, String eventId) {
        return new SegmentRuns(dynamoDb, configuration, clock, LedgerItems.eventKey(list, eventId));
    }

    /**
     * Opens the ledger of one event's run of one scan segment: a first run, which holds the segment alone and
     * claims nobody, or a claiming one; empty while another invocation's first run holds the segment.
     *
     * @param fromTheStart whether the run starts at the segment's first member
     * @param lease how long this invocation may hold a recipient, or the segment: the function timeout
     */
    public Optional<EventLedger> enter(String list, String eventId, Duration lease, int segment, boolean fromTheStart) {
        EventLedger.Holder holder = holder(list, eventId, lease);
        SegmentRuns runs = runs(list, eventId);
        return switch (runs.enter(segment, fromTheStart, holder.owner(), lease)) {
            case FIRST ->
                Optional.of(new EventLedger(
                        dynamoDb, configuration, clock, holder, Optional.of(new EventLedger.FirstRun(runs, segment))));
            case CLAIMING -> Optional.of(new EventLedger(dynamoDb, configuration, clock, holder, Optional.empty()));
            case SHUT_OUT -> Optional.empty();
        };
    }

    private static EventLedger.Holder holder(String list, String eventId, Duration lease) {
        return new EventLedger.Holder(
                LedgerItems.eventKey(list, eventId), UUID.randomUUID().toString(), lease);
    }

    /** How many claims one pass may have on their way at once. */
    public int claimsAhead() {
        return configuration.claimsAhead();
    }
}
