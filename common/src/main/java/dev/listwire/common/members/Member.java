package dev.listwire.common.members;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One item of a list's table: {@code email} plus whatever the list keeps about the member
 * (name, tickers followed, status). An item with nothing but {@code email} is a subscribed member.
 *
 * @param email      the partition key, as stored
 * @param attributes every attribute of the item, {@code email} included, as plain Java values
 */
public record Member(String email, Map<String, Object> attributes) {

    public static final String UNSUBSCRIBED = "unsubscribed";

    public Member {
        attributes = Map.copyOf(attributes);
    }

    public boolean isUnsubscribed() {
        return UNSUBSCRIBED.equals(attributes.get("status"));
    }

    /** A string-set attribute, such as {@code tickers}; empty when the item has none. */
    public Optional<Set<String>> stringSet(String name) {
        Object value = attributes.get(name);
        if (value instanceof Set<?> set && set.stream().allMatch(String.class::isInstance)) {
            @SuppressWarnings("unchecked") Set<String> strings = (Set<String>) set;
            return Optional.of(strings);
        }
        return Optional.empty();
    }
}
