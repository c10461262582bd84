package dev.listwire.common.function;

/** Why SQS must deliver a message again; the {@code event-finished} line gives the detail in {@code error}. */
enum RetryReason {
    /** Sending failed with an error that is not an SMTP reply (SMTP refusals defer the event instead). */
    SEND_FAILED,
    /** An email could not be built; the next attempt may find the cause gone. */
    COMPOSE_FAILED,
    /** Another invocation holds some members' claims: the retry sends to those it did not reach. */
    HELD_ELSEWHERE,
    /** The message was to be dead-lettered, but the DLQ refused it. */
    DEAD_LETTER_REFUSED,
    /** Anything else that went wrong: DynamoDB, SQS, an interruption. */
    ERROR
}
