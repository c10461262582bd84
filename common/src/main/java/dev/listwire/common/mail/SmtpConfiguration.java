package dev.listwire.common.mail;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * How a list function uses the SMTP server beyond the {@code javamail.*} session settings.
 *
 * @param poolSize    authenticated connections one invocation sends over at once
 *                    ({@code LISTWIRE_SMTP_POOL_SIZE}); 1 keeps to one connection, which is what Gmail's rate
 *                    needs; a relay that answers slowly but takes many connections sends faster with 2 to 4
 * @param shareEvery  how often a part of an event split into segments reads how many of its parts are still
 *                    running, to take over the connections of those that ended ({@code ConnectionShare});
 *                    {@code 0s} never does, and each part keeps {@code poolSize}
 * @param maxPoolSize the most connections one invocation takes over to: a part never holds more than
 *                    {@code poolSize} times the event's segments, nor more than this
 */
@ConfigurationProperties("listwire.smtp")
public record SmtpConfiguration(
        @Bindable(defaultValue = "1") int poolSize,
        @Bindable(defaultValue = "500ms") Duration shareEvery,
        @Bindable(defaultValue = "32") int maxPoolSize) {

    /** The most connections an invocation of a list split into {@code segments} may widen its pool to. */
    public int mostConnections(int segments) {
        if (shareEvery.isZero()) {
            return poolSize;
        }
        return Math.max(poolSize, (int) Math.min((long) poolSize * segments, maxPoolSize));
    }
}
