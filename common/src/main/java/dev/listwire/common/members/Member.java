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

    /** The attribute that says a member left; sends skip a member whose status is {@link #UNSUBSCRIBED}. */
    public static final String STATUS = "status";

    public static final String UNSUBSCRIBED = "unsubscribed";
    /** When the member last left and last joined (ISO-8601, UTC): the audit trail of the member's choices. */
    public static final String UNSUBSCRIBED_AT = "unsubscribedAt";

    public static final String SUBSCRIBED_AT = "subscribedAt";

    public Member {
        attributes = Map.copyOf(attributes);
    }

    public boolean isUnsubscribed() {
        return UNSUBSCRIBED.equals(attributes.get(STATUS));
    }

    /** A string-set attribute, such as {@code tickers}; empty when the item has none. */
    public Optional<Set<String>> stringSet(String name) {
        Object value = attributes.get(name);
        if (value instanceof Set<?> set && set.stream().allMatch(String.class::isInstance)) {
            @SuppressWarnings("unchecked")
            Set<String> strings = (Set<String>) set;
            return Optional.of(strings);
        }
        return Optional.empty();
    }
}
