package dev.listwire.common.events;

import dev.listwire.common.ledger.LedgerConfiguration;
import dev.listwire.common.ledger.LedgerItems;
import dev.listwire.common.links.DeliveryRef;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Records a bounce or complaint on the delivery it is about: the feedback function's writes, {@code UpdateItem}
 * only, and never an item that was not there.
 *
 * <ol>
 *   <li>On the ledger item ({@code <list>#<eventId>}, email), only when it exists: the mark's map attribute
 *       ({@code bounce}, {@code softBounce} or {@code complaint}); a second report of the same kind about the same
 *       delivery (the same DSN read twice, a DSN and an SES notification) keeps the first.
 *   <li>Then, only when the mark is new, 1 more on the event summary's counter ({@code bounced}, {@code
 *       softBounced}, {@code complaints}), only when the summary exists. So each counter is the number of the
 *       event's deliveries that carry the mark, never a count of reports; a report about a delivery the ledger
 *       has forgotten (it keeps 14 days; DSNs come within the few days a server retries) counts nowhere.
 * </ol>
 *
 * A failure between the two leaves the mark without its count: calling again finds the mark and does not count.
 */
@Singleton
public final class DeliveryFeedback {

    /** What became of the ledger item. */
    public enum LedgerMark {
        /** The item now carries the mark. */
        MARKED,
        /** The item already carried a mark of this kind, kept as it was. */
        ALREADY_MARKED,
        /** No ledger item for the delivery (never sent, or past its retention): nothing written. */
        NO_LEDGER_ITEM
    }

    /** What {@link #record} did: the ledger item's mark, and whether the summary's counter went up. */
    public record Recorded(LedgerMark ledger, boolean counted) {}

    private final DynamoDbClient dynamoDb;
    private final String ledgerTable;
    private final String eventsTable;

    public DeliveryFeedback(DynamoDbClient dynamoDb, LedgerConfiguration ledger, EventsConfiguration events) {
        this.dynamoDb = dynamoDb;
        this.ledgerTable = ledger.table();
        this.eventsTable = events.table();
    }

    public Recorded record(DeliveryRef ref, FeedbackMark mark) {
        LedgerMark ledger = mark(ref, mark);
        boolean counted = ledger == LedgerMark.MARKED && count(ref, mark.kind().count());
        return new Recorded(ledger, counted);
    }

    private LedgerMark mark(DeliveryRef ref, FeedbackMark mark) {
        String attribute = mark.kind().attribute();
        try {
            // if_not_exists keeps the first mark; UPDATED_OLD hands it back when there was one.
            Map<String, AttributeValue> old = dynamoDb.updateItem(b -> b.tableName(ledgerTable)
                            .key(LedgerItems.key(ref.list(), ref.eventId(), ref.email()))
                            .updateExpression("SET #mark = if_not_exists(#mark, :mark)")
                            .conditionExpression("attribute_exists(#email)")
                            .expressionAttributeNames(Map.of("#mark", attribute, "#email", LedgerItems.EMAIL))
                            .expressionAttributeValues(Map.of(":mark", AttributeValue.fromM(fields(mark))))
                            .returnValues(ReturnValue.UPDATED_OLD))
                    .attributes();
            return old != null && old.containsKey(attribute) ? LedgerMark.ALREADY_MARKED : LedgerMark.MARKED;
        } catch (ConditionalCheckFailedException noItem) {
            return LedgerMark.NO_LEDGER_ITEM;
        }
    }

    private boolean count(DeliveryRef ref, SummaryCount count) {
        try {
            dynamoDb.updateItem(b -> b.tableName(eventsTable)
                    .key(SummaryItems.key(ref.list(), ref.eventId()))
                    .updateExpression("ADD #count :one")
                    .conditionExpression("attribute_exists(#event)")
                    .expressionAttributeNames(Map.of("#count", count.attribute(), "#event", SummaryItems.EVENT_ID))
                    .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"))));
            return true;
        } catch (ConditionalCheckFailedException noSummary) {
            return false;
        }
    }

    /** The mark's map; a text left empty is left out rather than kept as an empty string. */
    private static Map<String, AttributeValue> fields(FeedbackMark mark) {
        Map<String, AttributeValue> fields = new LinkedHashMap<>();
        putText(fields, "status", mark.status());
        putText(fields, "detail", mark.detail());
        fields.put("at", AttributeValue.fromN(Long.toString(mark.at().toEpochMilli())));
        putText(fields, "report", mark.reportId());
        return fields;
    }

    private static void putText(Map<String, AttributeValue> fields, String name, String value) {
        if (value != null && !value.isEmpty()) {
            fields.put(name, AttributeValue.fromS(value));
        }
    }
}
