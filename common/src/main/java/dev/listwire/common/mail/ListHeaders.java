package dev.listwire.common.mail;

import dev.listwire.common.links.DeliveryRef;
import java.util.Optional;

/**
 * The headers of a list email that depend on who sends it and why.
 *
 * @param unsubscribeUrl the one-click unsubscribe URL ({@code List-Unsubscribe}), for lists members may leave
 * @param delivery       the list, event and member that {@link ListMessages} signs into {@code X-Listwire-Delivery},
 *                       which matches a bounce or complaint to them; every list email carries it, the subscriptions
 *                       function's link emails do not (they belong to no event and no member)
 */
public record ListHeaders(Optional<String> unsubscribeUrl, Optional<DeliveryRef> delivery) {

    /** Neither header: an email that is not part of a list's event. */
    public static ListHeaders none() {
        return new ListHeaders(Optional.empty(), Optional.empty());
    }
}
