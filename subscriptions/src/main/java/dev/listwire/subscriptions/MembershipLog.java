package dev.listwire.subscriptions;

import dev.listwire.common.logging.JsonLines;
import dev.listwire.common.members.Memberships;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;

/** One JSON line per join or leave, beside the timestamps on the member's item. */
@Singleton
final class MembershipLog {

    enum Via {
        ONE_CLICK,
        UNSUBSCRIBE_PAGE,
        PREFERENCES
    }

    private final JsonLines log;

    MembershipLog(JsonLines log) {
        this.log = log;
    }

    void changed(String action, String list, String email, Via via, Memberships.Change change) {
        log.info("membership-changed", fields(action, list, email, via, change));
    }

    /** A join through the preference center; {@code unsuppressed}: it took the address off the suppression list. */
    void joined(String list, String email, Memberships.Change change, boolean unsuppressed) {
        Map<String, Object> fields = fields("join", list, email, Via.PREFERENCES, change);
        fields.put("unsuppressed", unsuppressed);
        log.info("membership-changed", fields);
    }

    private static Map<String, Object> fields(
            String action, String list, String email, Via via, Memberships.Change change) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("list", list);
        fields.put("recipient", email);
        fields.put("action", action);
        fields.put("via", via.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        fields.put("changed", change == Memberships.Change.CHANGED);
        return fields;
    }
}
