package dev.listwire.common.ledger;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * The ledger of one event as one invocation sees it: claims recipients one by one and records the
 * outcomes in batches. One per event per invocation. {@link #claim} and {@link #release} may be called
 * from any thread (a pass claims a few recipients ahead); outcomes are recorded from one thread. Always
 * {@link #flush()} before the invocation reports on the message.
 */
public final class EventLedger {

    static final String KEY = LedgerItems.KEY;
    static final String EMAIL = LedgerItems.EMAIL;
    static final String STATUS = LedgerItems.STATUS;
    static final String OWNER = "owner";
    static final String LEASE_UNTIL = "leaseUntil";
    static final String EXPIRES_AT = "expiresAt";

    private static final String CLAIMED = LedgerItems.CLAIMED;
    private static final String SENT = LedgerItems.SENT;
    private static final String REJECTED = LedgerItems.REJECTED;
    private static final String DEFERRED = LedgerItems.DEFERRED;
    private static final String GAVE_UP = LedgerItems.GAVE_UP;
    private static final String REPLY = LedgerItems.REPLY;
    private static final String TRIES = LedgerItems.TRIES;
    private static final String UPDATED_AT = LedgerItems.UPDATED_AT;

    private final DynamoDbClient dynamoDb;
    private final LedgerConfiguration configuration;
    private final Clock clock;
    private final String event;
    private final String owner;
    private final Duration lease;
    /** The outcomes, written in batches so that sending does not wait for them. */
    private final LedgerMarks marks;
    /** Tries so far of the recipients claimed from a deferral; claims are taken on several threads. */
    private final Map<String, Integer> triesSoFar = new ConcurrentHashMap<>();
    /** The segment this invocation's first run holds alone, if it is one: then it claims nobody. */
    private final Optional<FirstRun> firstRun;

    /** A first run of one segment (see {@link SegmentRuns}), ended once its outcomes are written. */
    record FirstRun(SegmentRuns runs, int segment) {}

    /**
     * Whose claims these are.
     *
     * @param event the ledger key of the event: {@code <list>#<eventId>}
     * @param owner this invocation's own id, so that it gives back only its own claims
     * @param lease how long it may hold a recipient: the function timeout
     */
    record Holder(String event, String owner, Duration lease) {}

    EventLedger(
            DynamoDbClient dynamoDb,
            LedgerConfiguration configuration,
            Clock clock,
            Holder holder,
            Optional<FirstRun> firstRun) {
        this.dynamoDb = dynamoDb;
        this.firstRun = firstRun;
        this.configuration = configuration;
        this.clock = clock;
        this.event = holder.event();
        this.owner = holder.owner();
        this.lease = holder.lease();
        this.marks = new LedgerMarks(dynamoDb, configuration);
    }

    /**
     * Claims a recipient: free, held by an invocation whose lease ran out, or deferred by an earlier pass
     * (refused for now). An update, not a put, so that a deferred recipient keeps its count of tries; the
     * count is then {@link #triesSoFar}.
     *
     * <p>A segment's first run claims without a call: it holds the whole segment alone, and the ledger held
     * nothing of the event when it was split ({@link SegmentRuns}).
     */
    public Claim claim(String email) {
        if (claimsFree()) {
            return Claim.CLAIMED;
        }
        long now = clock.millis();
        Map<String, AttributeValue> values = new HashMap<>(Map.of(
                ":claimed", string(CLAIMED),
                ":deferred", string(DEFERRED),
                ":now", number(now),
                ":me", string(owner),
                ":lease", number(now + lease.toMillis()),
                ":expires", expiresAt()));
        try {
            Map<String, AttributeValue> old = dynamoDb.updateItem(b -> b.tableName(configuration.table())
                            .key(key(email))
                            .updateExpression("SET #status = :claimed, #owner = :me, #lease = :lease, "
                                    + "#updated = :now, #expires = :expires")
                            .conditionExpression("attribute_not_exists(#email) OR #status = :deferred "
                                    + "OR (#status = :claimed AND #lease < :now)")
                            .expressionAttributeNames(Map.of(
                                    "#email", EMAIL,
                                    "#status", STATUS,
                                    "#owner", OWNER,
                                    "#lease", LEASE_UNTIL,
                                    "#updated", UPDATED_AT,
                                    "#expires", EXPIRES_AT))
                            .expressionAttributeValues(values)
                            .returnValues(ReturnValue.ALL_OLD)
                            .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD))
                    .attributes();
            AttributeValue tries = old == null ? null : old.get(TRIES);
            if (tries != null) {
                triesSoFar.put(email, Integer.parseInt(tries.n()));
            }
            return Claim.CLAIMED;
        } catch (ConditionalCheckFailedException taken) {
            Map<String, AttributeValue> old = taken.hasItem() ? taken.item() : current(email);
            AttributeValue status = old.get(STATUS);
            return status != null && CLAIMED.equals(status.s()) ? Claim.HELD_ELSEWHERE : Claim.ALREADY_DONE;
        }
    }

    /** Whether this is a segment's first run, which holds every recipient of it without a call. */
    boolean claimsFree() {
        return firstRun.isPresent();
    }

    /** Claims to make one after another on one background thread (see {@link ClaimsInTurn}). */
    public ClaimsInTurn inTurn() {
        return new ClaimsInTurn(this);
    }

    /** How many times an earlier pass of this event tried the recipient claimed and was refused for now. */
    public int triesSoFar(String email) {
        return triesSoFar.getOrDefault(email, 0);
    }

    /** The email was accepted by the SMTP server. */
    public void sent(String email) {
        marks.record(item(email, SENT));
    }

    /** The SMTP server refused the address for good: never try this event on it again. */
    public void rejected(String email, String reply) {
        Map<String, AttributeValue> item = item(email, REJECTED);
        item.put(REPLY, string(reply));
        marks.record(item);
    }

    /**
     * The SMTP server refused the address for now (greylisting, a full mailbox), for the {@code tries}-th
     * time: a later pass of the event may claim it again.
     */
    public void deferred(String email, String reply, int tries) {
        Map<String, AttributeValue> item = item(email, DEFERRED);
        item.put(REPLY, string(reply));
        item.put(TRIES, number(tries));
        marks.record(item);
    }

    /** Refused for now too many times: this event is not tried on the address again; the last reply is kept. */
    public void gaveUp(String email, String reply, int tries) {
        Map<String, AttributeValue> item = item(email, GAVE_UP);
        item.put(REPLY, string(reply));
        item.put(TRIES, number(tries));
        marks.record(item);
    }

    /**
     * Gives a claim back (nothing was sent), so that a retry can take it at once: the item goes, or, for a
     * recipient an earlier pass deferred, goes back to deferred with its count of tries.
     */
    public void release(String email) {
        if (claimsFree()) {
            return; // nothing was written for it
        }
        try {
            if (triesSoFar(email) > 0) {
                dynamoDb.updateItem(b -> b.tableName(configuration.table())
                        .key(key(email))
                        .updateExpression("SET #status = :deferred REMOVE #lease")
                        .conditionExpression("#owner = :me AND #status = :claimed")
                        .expressionAttributeNames(Map.of("#owner", OWNER, "#status", STATUS, "#lease", LEASE_UNTIL))
                        .expressionAttributeValues(Map.of(
                                ":me", string(owner), ":claimed", string(CLAIMED), ":deferred", string(DEFERRED))));
                return;
            }
            dynamoDb.deleteItem(b -> b.tableName(configuration.table())
                    .key(key(email))
                    .conditionExpression("#owner = :me AND #status = :claimed")
                    .expressionAttributeNames(Map.of("#owner", OWNER, "#status", STATUS))
                    .expressionAttributeValues(Map.of(":me", string(owner), ":claimed", string(CLAIMED))));
        } catch (ConditionalCheckFailedException alreadyGone) {
            // Someone took over an expired lease; theirs now.
        }
    }

    /**
     * The email may have reached the server, and no reply says so (the connection ended during it): the
     * recipient stays claimed until the lease runs out, as a dead invocation's claim does, then a later run
     * sends again. A claiming run's claim already says so; a first run writes it with its marks.
     */
    public void keep(String email) {
        if (claimsFree()) {
            Map<String, AttributeValue> item = item(email, CLAIMED);
            item.put(LEASE_UNTIL, number(clock.millis() + lease.toMillis()));
            marks.record(item);
        }
    }

    /**
     * Writes every pending outcome, and waits for those already on their way. A failure here leaves claims
     * that expire with their lease.
     */
    public void flush() {
        marks.flush();
    }

    /**
     * Writes every pending outcome, then ends a first run: every later run of its segment claims. When the
     * outcomes cannot be written, the first run's segment is left to its lease, as claims are.
     */
    public void settle() {
        marks.flush();
        firstRun.ifPresent(run -> run.runs().leave(run.segment(), owner));
    }

    private Map<String, AttributeValue> current(String email) {
        return dynamoDb.getItem(
                        b -> b.tableName(configuration.table()).key(key(email)).consistentRead(true))
                .item();
    }

    private Map<String, AttributeValue> item(String email, String status) {
        Map<String, AttributeValue> item = new HashMap<>(key(email));
        item.put(STATUS, string(status));
        item.put(OWNER, string(owner));
        item.put(UPDATED_AT, number(clock.millis()));
        item.put(EXPIRES_AT, expiresAt());
        return item;
    }

    private AttributeValue expiresAt() {
        return number(clock.instant()
                .plus(Duration.ofDays(configuration.retentionDays()))
                .getEpochSecond());
    }

    private Map<String, AttributeValue> key(String email) {
        return Map.of(KEY, string(event), EMAIL, string(email));
    }

    private static AttributeValue string(String s) {
        return AttributeValue.fromS(s);
    }

    private static AttributeValue number(long n) {
        return AttributeValue.fromN(Long.toString(n));
    }
}
