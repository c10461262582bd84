package dev.listwire.common.function;

/** Why an event stopped on purpose and goes on in a continuation; {@link #logName()} is the log's string. */
enum PauseReason {
    /** The invocation's time ran under the continue margin. */
    OUT_OF_TIME("out-of-time"),
    /** The account's rolling-day quota is spent. */
    QUOTA_SPENT("quota-spent"),
    /** The account's rate window is full for longer than the invocation can wait. */
    RATE_LIMITED("rate-limited"),
    /** The SMTP server refused for the account (or said nothing the classifier knows): resume later. */
    SMTP_REFUSED("smtp-refused"),
    /** The SMTP server could not be reached, or the connection broke twice, or it stopped answering. */
    SMTP_UNREACHABLE("smtp-unreachable"),
    /** Too many permanent refusals in a row that did not say they were about the mailbox: the breaker. */
    SMTP_REFUSALS_IN_A_ROW("smtp-refusals-in-a-row"),
    /** The pass reached the end with recipients refused for now: a later pass tries them again. */
    ADDRESSES_DEFERRED("addresses-deferred");

    private final String logName;

    PauseReason(String logName) {
        this.logName = logName;
    }

    String logName() {
        return logName;
    }
}
