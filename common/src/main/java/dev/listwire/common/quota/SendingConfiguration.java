package dev.listwire.common.quota;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * The limits of the SMTP account every list shares, counted in one DynamoDB table so that concurrent
 * invocations of every list share them. The defaults suit smtp.gmail.com with a Google Workspace user
 * (about 2,000 messages a rolling day; Google publishes no per-second rate, 5 a second stays clear of
 * its burst throttling); other providers set theirs.
 *
 * @param table         the shared counter table ({@code LISTWIRE_SENDING_TABLE})
 * @param account       the name the counters are kept under: one per SMTP login
 * @param ratePerSecond the most emails a second the account sends, all lists and invocations together
 * @param dailyQuota    the most emails the account sends in any 24 hours
 * @param windowSeconds the rate is enforced per window of this many seconds (rate x window per window)
 * @param blockSize     the most sends one DynamoDB update reserves; an invocation's first block is 25 (or this,
 *                      when smaller) and each next one twice as large, up to this, so counting a long send costs
 *                      about 1/blockSize calls per email
 */
@ConfigurationProperties("listwire.sending")
public record SendingConfiguration(
        @Bindable(defaultValue = "listwire-sending") String table,
        @Bindable(defaultValue = "default") String account,
        @Bindable(defaultValue = "5") double ratePerSecond,
        @Bindable(defaultValue = "2000") int dailyQuota,
        @Bindable(defaultValue = "10") int windowSeconds,
        @Bindable(defaultValue = "200") int blockSize) {

    public SendingConfiguration {
        if (!(ratePerSecond > 0) || dailyQuota < 1 || windowSeconds < 1 || blockSize < 1) {
            throw new IllegalStateException("listwire.sending: rate-per-second, daily-quota, window-seconds and "
                    + "block-size must be above 0");
        }
    }

    /** Sends allowed in one rate window (at least one). */
    int perWindow() {
        return (int) Math.max(1, Math.floor(ratePerSecond * windowSeconds));
    }
}
