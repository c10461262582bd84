package dev.listwire.common.function;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * What a list function does with the SMTP server's refusals (see {@code ReplyClass}).
 *
 * @param firstDeferral     how long an event waits after the first refusal by the account or the connection
 *                          ({@code LISTWIRE_REFUSALS_FIRST_DEFERRAL}); each refusal in a row doubles it
 * @param longestDeferral   the longest such wait; SQS delays a message 900 s at most, so never more than that
 * @param addressTries      how many times a recipient refused for now (greylisted, mailbox full) is tried in
 *                          one event before it is recorded with its last reply
 * @param addressRetryDelay how long after a pass over the list the recipients it deferred are tried again
 * @param breaker           how many permanent refusals in a row that do not say they are about the mailbox
 *                          make the run stop as for an account problem
 */
@ConfigurationProperties("listwire.refusals")
public record RefusalConfiguration(
        @Bindable(defaultValue = "60s") Duration firstDeferral,
        @Bindable(defaultValue = "900s") Duration longestDeferral,
        @Bindable(defaultValue = "3") int addressTries,
        @Bindable(defaultValue = "300s") Duration addressRetryDelay,
        @Bindable(defaultValue = "5") int breaker) {

    /** SQS's longest message delay (DelaySeconds). */
    static final int MAX_DELAY_SECONDS = 900;

    public RefusalConfiguration {
        if (addressTries < 1 || breaker < 1) {
            throw new IllegalStateException("listwire.refusals.address-tries and .breaker must be at least 1");
        }
    }

    /** The wait before the {@code inARow}-th deferral in a row resumes (1 for the first): doubling, capped. */
    int deferralSeconds(int inARow) {
        long seconds = firstDeferral.toSeconds() << Math.min(Math.max(inARow - 1, 0), 20);
        return (int) Math.min(Math.min(seconds, longestDeferral.toSeconds()), MAX_DELAY_SECONDS);
    }

    int addressRetrySeconds() {
        return (int) Math.min(addressRetryDelay.toSeconds(), MAX_DELAY_SECONDS);
    }
}
