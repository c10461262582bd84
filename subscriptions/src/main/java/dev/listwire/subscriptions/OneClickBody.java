package dev.listwire.subscriptions;

import io.micronaut.core.annotation.Nullable;
import java.util.Collection;
import java.util.Map;

/**
 * Whether a POST to an unsubscribe link carries {@code List-Unsubscribe=One-Click}, which RFC 8058 requires
 * of it, sent as {@code application/x-www-form-urlencoded} or {@code multipart/form-data} (the RFC allows
 * both). Micronaut decodes either into a map: on Netty a field's value is a string, behind a function URL
 * a list of strings.
 */
final class OneClickBody {

    static final String KEY = "List-Unsubscribe";
    static final String VALUE = "One-Click";

    private OneClickBody() {}

    static boolean asksToUnsubscribe(@Nullable Map<String, Object> form) {
        Object value = form == null ? null : form.get(KEY);
        if (value instanceof Collection<?> values) {
            return values.stream().anyMatch(v -> VALUE.equals(String.valueOf(v).strip()));
        }
        return value != null && VALUE.equals(value.toString().strip());
    }
}
