package dev.listwire.common.suppression;

import static dev.listwire.common.suppression.SuppressionKeys.COUNT;
import static dev.listwire.common.suppression.SuppressionKeys.EMAIL;
import static dev.listwire.common.suppression.SuppressionKeys.FIRST_SEEN;
import static dev.listwire.common.suppression.SuppressionKeys.LAST_SEEN;
import static dev.listwire.common.suppression.SuppressionKeys.REASON;
import static dev.listwire.common.suppression.SuppressionKeys.REPLY;
import static dev.listwire.common.suppression.SuppressionKeys.SOURCE_EVENT;
import static dev.listwire.common.suppression.SuppressionKeys.SOURCE_LIST;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * The suppression list's writes, and its reads for the command line: an address put on it
 * ({@link #suppress}), taken off ({@link #remove}), one entry ({@link #find}), and every entry, a page at a time
 * ({@link #page}). The sends' reads are {@link SuppressedAddresses}.
 */
@Singleton
public final class SuppressionList {

    /** One page of entries, and the key to ask for the next one from, when there is one. */
    public record Page(List<Suppression> entries, Optional<String> next) {}

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final Clock clock;

    public SuppressionList(DynamoDbClient dynamoDb, SuppressionConfiguration configuration) {
        this(dynamoDb, configuration, Clock.systemUTC());
    }

    SuppressionList(DynamoDbClient dynamoDb, SuppressionConfiguration configuration, Clock clock) {
        this.dynamoDb = dynamoDb;
        this.table = configuration.table();
        this.clock = clock;
    }

    /**
     * Puts the address on the list, or records that it was met again: one {@code UpdateItem} that sets the
     * latest cause and {@code lastSeen}, keeps the first {@code firstSeen} and adds one to {@code count}, so
     * that two lists refusing the same address at once both count.
     */
    public void suppress(String email, SuppressionCause cause) {
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, AttributeValue> values = new LinkedHashMap<>();
        names.putAll(Map.of("#reason", REASON, "#reply", REPLY, "#first", FIRST_SEEN, "#last", LAST_SEEN));
        names.putAll(Map.of("#count", COUNT, "#list", SOURCE_LIST, "#event", SOURCE_EVENT));
        values.put(":reason", AttributeValue.fromS(cause.reason().value()));
        values.put(":reply", AttributeValue.fromS(oneLine(cause.reply())));
        values.put(":now", AttributeValue.fromS(clock.instant().toString()));
        values.put(":one", AttributeValue.fromN("1"));
        List<String> set = new ArrayList<>(List.of(
                "#reason = :reason", "#reply = :reply", "#last = :now", "#first = if_not_exists(#first, :now)"));
        // The source is set when the cause has one and removed when not, so that the item tells the latest cause.
        List<String> remove = new ArrayList<>();
        cause.list()
                .ifPresentOrElse(
                        list -> {
                            set.add("#list = :list");
                            values.put(":list", AttributeValue.fromS(list));
                        },
                        () -> remove.add("#list"));
        cause.event()
                .ifPresentOrElse(
                        event -> {
                            set.add("#event = :event");
                            values.put(":event", AttributeValue.fromS(event));
                        },
                        () -> remove.add("#event"));
        String update = "SET " + String.join(", ", set)
                + (remove.isEmpty() ? "" : " REMOVE " + String.join(", ", remove)) + " ADD #count :one";
        dynamoDb.updateItem(b -> b.tableName(table)
                .key(SuppressionKeys.key(email))
                .updateExpression(update)
                .expressionAttributeNames(names)
                .expressionAttributeValues(values));
    }

    /** Takes the address off the list; true when it was on it. */
    public boolean remove(String email) {
        return dynamoDb.deleteItem(
                        b -> b.tableName(table).key(SuppressionKeys.key(email)).returnValues(ReturnValue.ALL_OLD))
                .hasAttributes();
    }

    /** The address's entry, when it is on the list: one {@code GetItem}. */
    public Optional<Suppression> find(String email) {
        Map<String, AttributeValue> item = dynamoDb.getItem(
                        b -> b.tableName(table).key(SuppressionKeys.key(email)).consistentRead(true))
                .item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(entry(item));
    }

    /** Up to {@code limit} entries after the address {@code after} (in the table's order, not sorted). */
    public Page page(Optional<String> after, int limit) {
        ScanResponse response = dynamoDb.scan(b -> {
            b.tableName(table).limit(limit);
            after.ifPresent(a -> b.exclusiveStartKey(SuppressionKeys.key(a)));
        });
        List<Suppression> entries =
                response.items().stream().map(SuppressionList::entry).toList();
        Optional<String> next =
                response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                        ? Optional.of(response.lastEvaluatedKey().get(EMAIL).s())
                        : Optional.empty();
        return new Page(entries, next);
    }

    private static Suppression entry(Map<String, AttributeValue> item) {
        String reason = text(item, REASON).orElse("");
        SuppressionCause cause = new SuppressionCause(
                SuppressionReason.of(reason)
                        .orElseThrow(() -> new IllegalStateException("unknown suppression reason '" + reason + "'")),
                text(item, REPLY).orElse(""),
                text(item, SOURCE_LIST),
                text(item, SOURCE_EVENT));
        return new Suppression(
                item.get(EMAIL).s(),
                cause,
                Instant.parse(text(item, FIRST_SEEN).orElseThrow()),
                Instant.parse(text(item, LAST_SEEN).orElseThrow()),
                item.containsKey(COUNT) ? Long.parseLong(item.get(COUNT).n()) : 0);
    }

    private static Optional<String> text(Map<String, AttributeValue> item, String name) {
        return Optional.ofNullable(item.get(name)).map(AttributeValue::s);
    }

    /** A reply or note as one line: replies can span lines ({@code 550-5.1.1 ...}). */
    private static String oneLine(String text) {
        String line = text.replaceAll("[\\r\\n\\t]+", " ").trim();
        return line.isEmpty() ? "-" : line;
    }
}
