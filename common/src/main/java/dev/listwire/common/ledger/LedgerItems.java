package dev.listwire.common.ledger;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The ledger item's key and attribute names, for those outside the claim protocol that read an item or add to
 * it: the feedback function's marks and the command line's "what happened to this member".
 */
public final class LedgerItems {

    /** Hash key: {@code <list>#<eventId>}. */
    public static final String KEY = "event";
    /** Range key: the member's address, as the member table keeps it. */
    public static final String EMAIL = "email";

    /**
     * The range key of the event's one item that is not a recipient's: how the event was split and how each
     * segment's first run stands ({@link SegmentRuns}). Never an address: it has no {@code @}.
     */
    public static final String RUNS = "#runs";

    public static final String STATUS = "status";
    /** The SMTP server's reply, for {@code rejected}, {@code deferred} and {@code gave-up}. */
    public static final String REPLY = "reply";
    /** How many times the server refused the member for now. */
    public static final String TRIES = "tries";
    /** Epoch millis of the last write. */
    public static final String UPDATED_AT = "updatedAt";

    public static final String CLAIMED = "claimed";
    public static final String SENT = "sent";
    public static final String REJECTED = "rejected";
    public static final String DEFERRED = "deferred";
    public static final String GAVE_UP = "gave-up";

    private LedgerItems() {}

    /** Whether a ledger item is a recipient's (every item but the event's {@link #RUNS}). */
    public static boolean isRecipient(Map<String, AttributeValue> item) {
        AttributeValue email = item.get(EMAIL);
        return email != null && !RUNS.equals(email.s());
    }

    /** The hash key of one event's items. */
    public static String eventKey(String list, String eventId) {
        return list + "#" + eventId;
    }

    public static Map<String, AttributeValue> key(String list, String eventId, String email) {
        return Map.of(KEY, AttributeValue.fromS(eventKey(list, eventId)), EMAIL, AttributeValue.fromS(email));
    }
}
