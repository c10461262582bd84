package dev.listwire.common.suppression;

import java.util.Optional;

/**
 * What put an address on the suppression list this time.
 *
 * @param reason why
 * @param reply  the server's reply on one line (or, for a manual entry, the operator's note)
 * @param list   the list whose send met it, when one did
 * @param event  that list's event
 */
public record SuppressionCause(SuppressionReason reason, String reply, Optional<String> list, Optional<String> event) {

    /** A refusal for good while {@code list} sent {@code event}. */
    public static SuppressionCause refused(String reply, String list, String event) {
        return new SuppressionCause(SuppressionReason.SMTP_REFUSED, reply, Optional.of(list), Optional.of(event));
    }

    /** An operator's entry, from no list's send. */
    public static SuppressionCause manual(SuppressionReason reason, String note) {
        return new SuppressionCause(reason, note, Optional.empty(), Optional.empty());
    }
}
