package dev.listwire.common.suppression;

import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The table's key and attribute names, in one place for the reads and the writes. */
final class SuppressionKeys {

    static final String EMAIL = "email";
    static final String REASON = "reason";
    static final String REPLY = "reply";
    static final String FIRST_SEEN = "firstSeen";
    static final String LAST_SEEN = "lastSeen";
    static final String SOURCE_LIST = "sourceList";
    static final String SOURCE_EVENT = "sourceEvent";
    static final String COUNT = "count";

    private SuppressionKeys() {}

    /** As the member tables keep an address: lower-cased, so that {@code Ada@X} and {@code ada@x} are one entry. */
    static String normal(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    static Map<String, AttributeValue> key(String email) {
        return Map.of(EMAIL, AttributeValue.fromS(normal(email)));
    }
}
