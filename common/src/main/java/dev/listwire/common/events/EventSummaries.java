package dev.listwire.common.events;

import static dev.listwire.common.events.SummaryItems.EXPIRES_AT;
import static dev.listwire.common.events.SummaryItems.FIRST_SEEN;
import static dev.listwire.common.events.SummaryItems.INVOCATIONS;
import static dev.listwire.common.events.SummaryItems.LIST;
import static dev.listwire.common.events.SummaryItems.OPEN_PARTS;
import static dev.listwire.common.events.SummaryItems.OUTCOME;
import static dev.listwire.common.events.SummaryItems.UPDATED_AT;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One summary item per event, so that "how did event X go" never needs a scan of the ledger.
 *
 * <p>The list function writes it <b>once per event per invocation</b>, never per email: one {@code UpdateItem}
 * that keeps the first {@code firstSeen}, sets {@code updatedAt}, {@code outcome} and {@code expiresAt}, and ADDs 1
 * to {@code invocations} and this invocation's counts, so that the parts of an event written at the same time by
 * several invocations all count.
 *
 * <p>An event can be split into scan segments that run side by side, and each part can go on in continuations:
 * no one part knows whether the event is over. So the item keeps {@code outcome}, how the last part written ended,
 * and {@code openParts}, the parts still to run: it starts at 1 (the producer's message), a split into {@code n}
 * adds {@code n - 1}, a part that ends (completed, dead-lettered) takes 1 off, a continuation or a retry leaves it.
 * {@link EventSummary#outcome()} reads "in progress" while it is above 0, and the last outcome after. When SQS
 * delivers one message twice (it may), that part is counted twice: {@code openParts} can then reach 0 early or go
 * below it, and read "completed" a little before the last part ends. A message that SQS moves to the DLQ after its
 * last retry never says so to the function: its event stays "in progress", with {@code retry} as its last outcome.
 *
 * <p>The counts add up what each invocation saw: a member already sent by an earlier part is not counted again, and
 * the members a retried message skipped are counted by its next delivery, not twice; only a pass that goes over a
 * segment again after refusals for now (see {@code EventRun}) counts its skipped members again.
 */
@Singleton
public final class EventSummaries {

    private final DynamoDbClient dynamoDb;
    private final EventsConfiguration configuration;
    private final Clock clock;

    public EventSummaries(DynamoDbClient dynamoDb, EventsConfiguration configuration) {
        this(dynamoDb, configuration, Clock.systemUTC());
    }

    EventSummaries(DynamoDbClient dynamoDb, EventsConfiguration configuration, Clock clock) {
        this.dynamoDb = dynamoDb;
        this.configuration = configuration;
        this.clock = clock;
    }

    /** Adds one invocation's progress to the event's summary, creating it on the first. */
    public void record(EventProgress progress) {
        record(progress, true);
    }

    /**
     * Adds progress to the event's summary; {@code newInvocation} false when this invocation has already
     * written the event's summary once (a split written before the splitting invocation runs a segment of it)
     * and must not be counted twice.
     */
    public void record(EventProgress progress, boolean newInvocation) {
        long now = clock.millis();
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, AttributeValue> values = new LinkedHashMap<>();
        names.putAll(Map.of("#first", FIRST_SEEN, "#updated", UPDATED_AT, "#outcome", OUTCOME));
        names.putAll(Map.of("#expires", EXPIRES_AT, "#open", OPEN_PARTS, "#invocations", INVOCATIONS));
        values.put(":now", number(now));
        values.put(":outcome", AttributeValue.fromS(progress.outcome()));
        values.put(
                ":expires",
                number(clock.instant()
                        .plus(Duration.ofDays(configuration.retentionDays()))
                        .getEpochSecond()));
        values.put(":one", number(1));
        values.put(":invocation", number(newInvocation ? 1 : 0));
        values.put(":open", number(progress.openPartsChange()));
        List<String> add = new ArrayList<>(List.of("#invocations :invocation"));
        for (SummaryCount count : SummaryCount.values()) {
            String name = "#c" + count.ordinal();
            String value = ":c" + count.ordinal();
            names.put(name, count.attribute());
            values.put(value, number(progress.counts().get(count)));
            add.add(name + " " + value);
        }
        String update = "SET #first = if_not_exists(#first, :now), #updated = :now, #outcome = :outcome, "
                + "#expires = :expires, #open = if_not_exists(#open, :one) + :open ADD " + String.join(", ", add);
        dynamoDb.updateItem(b -> b.tableName(configuration.table())
                .key(SummaryItems.key(progress.list(), progress.eventId()))
                .updateExpression(update)
                .expressionAttributeNames(names)
                .expressionAttributeValues(values));
    }

    /** The list's latest {@code limit} events, newest first: a query of the {@code recent} index. */
    public List<EventSummary> recent(String list, int limit) {
        return dynamoDb
                .query(b -> b.tableName(configuration.table())
                        .indexName(SummaryItems.RECENT_INDEX)
                        .keyConditionExpression("#list = :list")
                        .expressionAttributeNames(Map.of("#list", LIST))
                        .expressionAttributeValues(Map.of(":list", AttributeValue.fromS(list)))
                        .scanIndexForward(false)
                        .limit(limit))
                .items()
                .stream()
                .map(SummaryItems::summary)
                .toList();
    }

    /** One event's summary; empty when no invocation wrote one (or it expired). */
    public Optional<EventSummary> one(String list, String eventId) {
        Map<String, AttributeValue> item = dynamoDb.getItem(
                        b -> b.tableName(configuration.table()).key(SummaryItems.key(list, eventId)))
                .item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(SummaryItems.summary(item));
    }

    private static AttributeValue number(long n) {
        return AttributeValue.fromN(Long.toString(n));
    }
}
