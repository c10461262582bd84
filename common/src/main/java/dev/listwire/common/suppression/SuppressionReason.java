package dev.listwire.common.suppression;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Why an address is on the suppression list; {@link #value()} is what the table and the command line say. */
public enum SuppressionReason {
    /** The SMTP server refused the address for good while a list was sent. */
    SMTP_REFUSED("smtp-refused"),
    /** An operator added it ({@code ./listwire suppressions add}). */
    MANUAL("manual"),
    /** A delivery status notification came back for it (issue 16). */
    BOUNCE("bounce"),
    /** Its owner marked a list email as spam (issue 16). */
    COMPLAINT("complaint");

    private final String value;

    SuppressionReason(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    /** The reason named {@code value} ({@code smtp-refused}, {@code manual}, ...), in any case. */
    public static Optional<SuppressionReason> of(String value) {
        String wanted = value.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(r -> r.value.equals(wanted)).findFirst();
    }
}
