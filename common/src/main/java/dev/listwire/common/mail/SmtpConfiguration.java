package dev.listwire.common.mail;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * How a list function uses the SMTP server beyond the {@code javamail.*} session settings.
 *
 * @param poolSize authenticated connections one invocation sends over at once ({@code LISTWIRE_SMTP_POOL_SIZE});
 *                 1 keeps to one connection, which is what Gmail's rate needs; a relay that answers slowly
 *                 but takes many connections sends faster with 2 to 4
 */
@ConfigurationProperties("listwire.smtp")
public record SmtpConfiguration(
        @Bindable(defaultValue = "1") int poolSize) {}
