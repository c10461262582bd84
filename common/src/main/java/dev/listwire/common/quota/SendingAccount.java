package dev.listwire.common.quota;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * The sending account's rate and rolling 24-hour quota, shared through DynamoDB by every invocation of
 * every list that sends with it.
 *
 * <p>One item per account and hour ({@code bucket = h#<epoch hour>}) counts that hour's sends in {@code sent}
 * and each rate window's in {@code w<window>}. A reservation is one conditional {@code UpdateItem} that
 * adds to both, or fails when either would pass its limit, so concurrent invocations never overshoot.
 * An hour's count no longer changes once it is past, so the previous 24 hours are read once an hour.
 * The quota window is the current hour and the 24 before it: never shorter than a rolling day.
 */
@Singleton
public final class SendingAccount {

    static final String ACCOUNT = "account";
    static final String BUCKET = "bucket";
    static final String SENT = "sent";
    private static final int PAST_HOURS = 24;
    /** Attempts against other invocations' updates before this one waits for the next window. */
    private static final int MAX_ATTEMPTS = 5;

    private final DynamoDbClient dynamoDb;
    private final SendingConfiguration configuration;
    private final Clock clock;
    private final PastHours past;

    @Inject
    public SendingAccount(DynamoDbClient dynamoDb, SendingConfiguration configuration, @Nullable Clock clock) {
        this.dynamoDb = dynamoDb;
        this.configuration = configuration;
        this.clock = clock == null ? Clock.systemUTC() : clock;
        this.past = new PastHours(dynamoDb, configuration, PAST_HOURS);
    }

    /** Reserves up to {@code wanted} sends (at most a block) for the caller, counted now. */
    public Allowance reserve(int wanted) {
        return reserve(wanted, clock.instant());
    }

    /**
     * Reserves up to {@code wanted} sends, counted in the hour and rate window of {@code now}: a caller
     * that may give some back keeps {@code now} for {@link #giveBack}, so that they go back where they
     * were counted.
     */
    public Allowance reserve(int wanted, Instant now) {
        return reserve(wanted, now, configuration.dailyQuota());
    }

    /**
     * Reserves one send for a caller that must leave the last {@code keptShare} of the day's quota to the
     * lists (the public form's emails): refused, as {@link Allowance.QuotaSpent}, once the rolling day's
     * count, every caller's sends together, would pass (1 − keptShare) × quota. The lists' own reservations
     * still go up to the whole quota, so they always have that share.
     */
    public Allowance reserveOneLeaving(double keptShare, Instant now) {
        if (!(keptShare >= 0 && keptShare < 1)) {
            throw new IllegalArgumentException("the share kept for others must be in [0, 1): " + keptShare);
        }
        return reserve(1, now, (long) Math.floor(configuration.dailyQuota() * (1 - keptShare)));
    }

    /** Reserves up to {@code wanted} sends while the rolling day's count stays within {@code quota}. */
    private Allowance reserve(int wanted, Instant now, long quota) {
        long hour = now.getEpochSecond() / 3600;
        long window = now.getEpochSecond() % 3600 / configuration.windowSeconds();
        int perWindow = configuration.perWindow();
        long quotaLeft = quota - past.total(hour);
        int count = (int) Math.min(Math.min(wanted, configuration.blockSize()), Math.min(perWindow, quotaLeft));
        boolean quotaSpent = quotaLeft <= 0;
        for (int attempt = 0; !quotaSpent && attempt < MAX_ATTEMPTS; attempt++) {
            int n = count;
            try {
                dynamoDb.updateItem(b -> b.tableName(configuration.table())
                        .key(key(hour))
                        .updateExpression("ADD #sent :n, #window :n SET expiresAt = :expires")
                        .conditionExpression("(attribute_not_exists(#sent) OR #sent <= :sentMax)"
                                + " AND (attribute_not_exists(#window) OR #window <= :windowMax)")
                        .expressionAttributeNames(Map.of("#sent", SENT, "#window", "w" + window))
                        .expressionAttributeValues(Map.of(
                                ":n",
                                number(n),
                                ":sentMax",
                                number(quotaLeft - n),
                                ":windowMax",
                                number(perWindow - n),
                                ":expires",
                                number((hour + PAST_HOURS + 2) * 3600)))
                        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
                return new Allowance.Granted(n);
            } catch (ConditionalCheckFailedException full) {
                // Not every DynamoDB implementation returns the item with the failure (dynalite does not).
                Map<String, AttributeValue> item = full.hasItem() ? full.item() : current(hour);
                long sentLeft = quotaLeft - count(item, SENT);
                long windowLeft = perWindow - count(item, "w" + window);
                quotaSpent = sentLeft <= 0;
                if (windowLeft <= 0) {
                    break;
                }
                count = (int) Math.min(n, Math.min(sentLeft, windowLeft));
            }
        }
        return quotaSpent ? new Allowance.QuotaSpent(past.resumesAt(hour)) : rateLimited(hour, window);
    }

    private Allowance rateLimited(long hour, long window) {
        return new Allowance.RateLimited(windowEnd(hour, window));
    }

    /**
     * When the rate window of {@code at} ends: sends reserved in it count only in it, so a caller holding
     * some must not make them at or after this instant (see {@code SendSlots}).
     */
    public Instant windowEnds(Instant at) {
        long hour = at.getEpochSecond() / 3600;
        return windowEnd(hour, at.getEpochSecond() % 3600 / configuration.windowSeconds());
    }

    private Instant windowEnd(long hour, long window) {
        long next = hour * 3600 + (window + 1) * configuration.windowSeconds();
        return Instant.ofEpochSecond(Math.min(next, (hour + 1) * 3600));
    }

    private Map<String, AttributeValue> current(long hour) {
        return dynamoDb.getItem(
                        b -> b.tableName(configuration.table()).key(key(hour)).consistentRead(true))
                .item();
    }

    /**
     * Hands back sends reserved but not made (the list ended first), to the hour's quota and to the rate
     * window they were counted in, so that others may use them.
     *
     * @param reservedAt the instant the reservation was counted at (given to {@link #reserve(int, Instant)})
     */
    public void giveBack(int unused, Instant reservedAt) {
        if (unused <= 0) {
            return;
        }
        long hour = reservedAt.getEpochSecond() / 3600;
        long window = reservedAt.getEpochSecond() % 3600 / configuration.windowSeconds();
        dynamoDb.updateItem(b -> b.tableName(configuration.table())
                .key(key(hour))
                .updateExpression("ADD #sent :n, #window :n")
                .expressionAttributeNames(Map.of("#sent", SENT, "#window", "w" + window))
                .expressionAttributeValues(Map.of(":n", number(-unused))));
    }

    public Instant now() {
        return clock.instant();
    }

    /** The most sends one reservation takes. */
    public int blockSize() {
        return configuration.blockSize();
    }

    private Map<String, AttributeValue> key(long hour) {
        return PastHours.key(configuration.account(), hour);
    }

    static long count(Map<String, AttributeValue> item, String attribute) {
        AttributeValue v = item.get(attribute);
        return v == null || v.n() == null ? 0 : Long.parseLong(v.n());
    }

    private static AttributeValue number(long n) {
        return AttributeValue.fromN(Long.toString(n));
    }
}
