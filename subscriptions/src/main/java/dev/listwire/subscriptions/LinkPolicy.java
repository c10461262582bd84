package dev.listwire.subscriptions;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * How the links this app emails are made ({@code listwire.subscriptions.links.*}).
 *
 * @param preferencesLifetime how long the preferences link from the "email me a link" form works; the
 *                            links in list emails' footers and {@code List-Unsubscribe} never expire
 * @param localhost           whether a request to {@code localhost} may set the links' base over plain
 *                            HTTP: the devstack turns it on, a deployment never does
 */
@ConfigurationProperties("listwire.subscriptions.links")
public record LinkPolicy(
        @Bindable(defaultValue = "7d") Duration preferencesLifetime,
        @Bindable(defaultValue = "false") boolean localhost) {

    public LinkPolicy {
        if (preferencesLifetime.isNegative() || preferencesLifetime.isZero()) {
            throw new IllegalStateException("listwire.subscriptions.links.preferences-lifetime must be positive");
        }
    }
}
