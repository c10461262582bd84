package dev.listwire.common.function;

/**
 * An event that stopped before the end of its list, on purpose: the rest goes on in a continuation.
 *
 * @param next         where the continuation starts
 * @param delaySeconds how long the continuation waits before it is delivered (0: at once)
 * @param reason       why it stopped: {@link #OUT_OF_TIME} or {@link #QUOTA_SPENT}
 */
record Pause(Continuation next, int delaySeconds, String reason) {
    static final String OUT_OF_TIME = "out-of-time";
    static final String QUOTA_SPENT = "quota-spent";
}
