package dev.listwire.common.events;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The summary item's key and attribute names, in one place for the writes and the reads. */
final class SummaryItems {

    static final String LIST = "list";
    static final String EVENT_ID = "eventId";
    static final String FIRST_SEEN = "firstSeen";
    static final String UPDATED_AT = "updatedAt";
    static final String OUTCOME = "outcome";
    static final String OPEN_PARTS = "openParts";
    static final String INVOCATIONS = "invocations";
    static final String EXPIRES_AT = "expiresAt";
    /** The local secondary index on {@code firstSeen}: a list's events, newest first, without a scan. */
    static final String RECENT_INDEX = "recent";

    private SummaryItems() {}

    static Map<String, AttributeValue> key(String list, String eventId) {
        return Map.of(LIST, AttributeValue.fromS(list), EVENT_ID, AttributeValue.fromS(eventId));
    }

    static EventSummary summary(Map<String, AttributeValue> item) {
        EnumMap<SummaryCount, Long> counts = new EnumMap<>(SummaryCount.class);
        for (SummaryCount count : SummaryCount.values()) {
            counts.put(count, number(item, count.attribute()));
        }
        EventSummary.Progress progress = new EventSummary.Progress(
                Instant.ofEpochMilli(number(item, FIRST_SEEN)),
                Instant.ofEpochMilli(number(item, UPDATED_AT)),
                Optional.ofNullable(item.get(OUTCOME)).map(AttributeValue::s).orElse("unknown"),
                number(item, OPEN_PARTS),
                number(item, INVOCATIONS));
        return new EventSummary(item.get(LIST).s(), item.get(EVENT_ID).s(), progress, new EventCounts(counts));
    }

    private static long number(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.n() == null ? 0 : Long.parseLong(value.n());
    }
}
