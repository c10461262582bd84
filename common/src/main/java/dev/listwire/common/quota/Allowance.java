package dev.listwire.common.quota;

import java.time.Instant;

/** The answer to a request for sends. */
public sealed interface Allowance {

    /** {@code count} sends (at least one) are this invocation's to make. */
    record Granted(int count) implements Allowance {}

    /** The account's rolling 24-hour quota is spent; sends are allowed again at {@code resumesAt}. */
    record QuotaSpent(Instant resumesAt) implements Allowance {}

    /** The account's rate window is full; the next one opens at {@code resumesAt}. */
    record RateLimited(Instant resumesAt) implements Allowance {}
}
