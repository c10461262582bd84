package dev.listwire.common.function;

import dev.listwire.common.mail.Addresses;
import dev.listwire.common.members.Member;
import jakarta.mail.internet.InternetAddress;

/**
 * Whether a member is to be sent an event, and if not, why. Decided before the member's turn (so that
 * its claim can be on its way, see {@code ClaimsAhead}), reported at its turn.
 */
sealed interface Screening {

    /** The member is to be sent the event at {@code to}. */
    record Send(InternetAddress to) implements Screening {}

    /** The member is not to be sent the event; no claim is taken. */
    record Skip(SkipReason reason) implements Screening {}

    static <T> Screening of(Member member, ListEvent<T> event) {
        if (member.isUnsubscribed()) {
            return new Skip(SkipReason.UNSUBSCRIBED);
        }
        if (!event.wants().test(member, event.payload())) {
            return new Skip(SkipReason.FILTERED);
        }
        return Addresses.deliverable(member.email())
                .<Screening>map(Send::new)
                .orElseGet(() -> new Skip(SkipReason.INVALID_ADDRESS));
    }
}
