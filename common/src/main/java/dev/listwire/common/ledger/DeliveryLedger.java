package dev.listwire.common.ledger;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Remembers, per (list, event, recipient), that an email was sent, so that redelivery, retries and two
 * invocations holding the same message never send it twice.
 *
 * <p>The protocol, per recipient: a conditional {@code PutItem} claims the recipient with a lease as long
 * as the function timeout (it fails when the recipient is already sent, or claimed by a live invocation);
 * the email is sent; the claim is turned into {@code sent}, written in batches. A claim whose lease ran
 * out belongs to an invocation that died, and may be taken again. A recipient the SMTP server refused for now
 * is recorded {@code deferred} with its count of tries, and a later pass of the event may claim it again.
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
        return new EventLedger(
                dynamoDb,
                configuration,
                clock,
                new EventLedger.Holder(
                        LedgerItems.eventKey(list, eventId), UUID.randomUUID().toString(), lease));
    }

    /** How many claims one pass may have on their way at once. */
    public int claimsAhead() {
        return configuration.claimsAhead();
    }
}
