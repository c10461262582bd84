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
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("list", list);
        fields.put("recipient", email);
        fields.put("action", action);
        fields.put("via", via.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        fields.put("changed", change == Memberships.Change.CHANGED);
        log.info("membership-changed", fields);
    }
}
