package dev.listwire.common.function;

/** Why a member seen by the scan was not sent the event; {@link #logName()} is what the log lines say. */
enum SkipReason {
    UNSUBSCRIBED("unsubscribed"),
    /** The list's {@code wants} filter said no. */
    FILTERED("filtered"),
    INVALID_ADDRESS("invalid-address"),
    /** The address is on the suppression list shared by all lists (refused for good, bounced, complained). */
    SUPPRESSED("suppressed"),
    /** The ledger has the event for this member already (sent, or refused for good). */
    ALREADY_SENT("already-sent"),
    /** The SMTP server refused the address for good (5xx). */
    REJECTED("rejected-by-server");

    private final String logName;

    SkipReason(String logName) {
        this.logName = logName;
    }

    String logName() {
        return logName;
    }
}
