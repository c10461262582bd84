package dev.listwire.common.function;

/** Why an event stopped on purpose and goes on in a continuation; {@link #logName()} is the log's string. */
enum PauseReason {
    /** The invocation's time ran under the continue margin. */
    OUT_OF_TIME("out-of-time"),
    /** The account's rolling-day quota is spent. */
    QUOTA_SPENT("quota-spent"),
    /** The account's rate window is full for longer than the invocation can wait. */
    RATE_LIMITED("rate-limited");

    private final String logName;

    PauseReason(String logName) {
        this.logName = logName;
    }

    String logName() {
        return logName;
    }
}
