package dev.listwire.common.function;

import java.util.Optional;

/**
 * How one message's event ended in one invocation. {@code BatchHandler} decides from this value alone
 * whether SQS must deliver the message again and which messages it puts on a queue; the log line reads it.
 */
sealed interface EventResult {

    /** Every member of the list (or of the part) was handled: SQS may delete the message. */
    record Done() implements EventResult {}

    /** SQS must deliver the message again; {@code error} says what went wrong, when something did. */
    record Retry(RetryReason reason, Optional<String> error) implements EventResult {

        Retry(RetryReason reason, String error) {
            this(reason, Optional.of(error));
        }
    }

    /** Stopped on purpose: the rest goes on from {@code next} in a continuation, after {@code delaySeconds}. */
    record Paused(Continuation next, int delaySeconds, PauseReason reason) implements EventResult {}

    /** The payload can never be sent: to the DLQ with {@code reason}. */
    record DeadLettered(String reason) implements EventResult {}

    /** The event goes on as {@code segments} messages, one per parallel-scan segment. */
    record Split(int segments) implements EventResult {}
}
