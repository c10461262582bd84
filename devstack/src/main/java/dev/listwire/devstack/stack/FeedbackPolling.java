package dev.listwire.devstack.stack;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The feedback function the devstack runs on the sending account's mailbox in GreenMail, as the schedule
 * runs it in AWS (every 15 minutes there; every few seconds here, so that a bounce is seen while one waits).
 *
 * @param jar   its {@code feedback/target/function.jar}, the artifact Terraform deploys
 * @param every the delay from the end of one run to the start of the next
 */
public record FeedbackPolling(Path jar, Duration every) {

    public static final Duration DEFAULT_EVERY = Duration.ofSeconds(5);

    public FeedbackPolling {
        if (every.isNegative() || every.isZero()) {
            throw new IllegalArgumentException("the feedback function's poll interval must be positive: " + every);
        }
    }

    /** The repository's own feedback function, polled every {@code every}. */
    public static FeedbackPolling of(Path repositoryRoot, Duration every) {
        return new FeedbackPolling(repositoryRoot.resolve("feedback/target/function.jar"), every);
    }
}
