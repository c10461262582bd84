package dev.listwire.common.manifest;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * One list's manifest ({@code lists/<list>/list.json}): the single source of truth that the function,
 * Terraform, the devstack and the preference center all read.
 */
@Serdeable
public record ListManifest(String name, String title, String description, Sender from, ListKind kind, Tuning tuning) {

    /** The From address and display name of every email the list sends. */
    @Serdeable
    public record Sender(String address, String name) {}

    /**
     * How the list's function runs.
     *
     * @param batchSize         SQS messages per invocation (event source mapping batch size)
     * @param timeoutSeconds    the function timeout; a delivery claim older than this is abandoned
     * @param maxReceives       receives before SQS moves a message to the list's DLQ
     * @param sendRatePerSecond the most emails a second one invocation of this list's function sends
     * @param maxConcurrency    the most invocations at once (the event source mapping's maximum
     *                          concurrency, 2 when absent); the list's top send rate is this times
     *                          {@code sendRatePerSecond}
     * @param scanSegments      how many DynamoDB parallel-scan segments an event is split into, each its own
     *                          message, so that several invocations send it at once (1 when absent)
     */
    @Serdeable
    public record Tuning(
            int batchSize,
            int timeoutSeconds,
            int maxReceives,
            double sendRatePerSecond,
            @Nullable Integer maxConcurrency,
            @Nullable Integer scanSegments) {

        public int segments() {
            return scanSegments == null ? 1 : scanSegments;
        }
    }
}
