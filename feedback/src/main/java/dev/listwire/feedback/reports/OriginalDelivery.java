package dev.listwire.feedback.reports;

import dev.listwire.common.links.DeliveryRef;
import dev.listwire.common.links.DeliveryRefs;
import dev.listwire.common.mail.ListMessages;
import jakarta.mail.internet.InternetHeaders;
import java.util.Locale;
import java.util.Optional;

/**
 * The delivery a report is about, from the {@code X-Listwire-Delivery} header of the original email it quotes.
 * Anyone can send an email that looks like a DSN; only listwire can sign this header. So a mail report is acted
 * on only when the header verifies and names the address the report is about: a forged or misdirected report
 * must not suppress somebody else's address.
 */
final class OriginalDelivery {

    private final DeliveryRefs refs;

    OriginalDelivery(DeliveryRefs refs) {
        this.refs = refs;
    }

    /** The verified ref, or the reason there is none (the header is missing, repeated or does not verify). */
    Verified verify(InternetHeaders original) {
        String[] values = original.getHeader(ListMessages.DELIVERY_HEADER);
        if (values == null || values.length == 0) {
            return new Verified(Optional.empty(), "the original email has no " + ListMessages.DELIVERY_HEADER);
        }
        if (values.length > 1) {
            return new Verified(Optional.empty(), "the original email has " + values.length + " delivery headers");
        }
        return refs.verify(values[0].strip())
                .map(ref -> new Verified(Optional.of(ref), ""))
                .orElseGet(() -> new Verified(Optional.empty(), "the original's delivery header does not verify"));
    }

    /** Whether the report's address is the one the delivery was sent to (addresses compared lower-cased). */
    static boolean isFor(DeliveryRef ref, String address) {
        return ref.email().toLowerCase(Locale.ROOT).equals(address);
    }

    record Verified(Optional<DeliveryRef> ref, String why) {}
}
