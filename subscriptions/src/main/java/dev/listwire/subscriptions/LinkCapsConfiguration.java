package dev.listwire.subscriptions;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * The caps that keep the public "email me a link" form from spending the sending account's quota
 * ({@code listwire.subscriptions.link-caps.*}, or {@code LISTWIRE_SUBSCRIPTIONS_LINK_CAPS_*}); the per-address
 * limit is {@code listwire.subscriptions.link-requests-per-hour}.
 *
 * @param perHour         link emails an hour from every client together; when unset, 2% of the account's
 *                        daily quota ({@code listwire.sending.daily-quota}), at least 1
 * @param perClientPerHour link requests an hour from one client (the function URL's source IP, the socket's)
 * @param listsShare      the share of the account's rolling-day quota that link emails never take: once the
 *                        day's sends, the lists' and the form's, reach (1 − share) × quota, the form stops
 */
@ConfigurationProperties("listwire.subscriptions.link-caps")
public record LinkCapsConfiguration(
        @Nullable Integer perHour,
        @Bindable(defaultValue = "10") int perClientPerHour,
        @Bindable(defaultValue = "0.1") double listsShare) {

    /** The default global cap, as a share of the daily quota. */
    static final double DEFAULT_HOURLY_SHARE = 0.02;

    public LinkCapsConfiguration {
        if (perHour != null && perHour < 1 || perClientPerHour < 1) {
            throw new IllegalStateException(
                    "listwire.subscriptions.link-caps: per-hour and per-client-per-hour must be at least 1");
        }
        if (!(listsShare >= 0 && listsShare < 1)) {
            throw new IllegalStateException("listwire.subscriptions.link-caps.lists-share must be in [0, 1)");
        }
    }

    /** The global cap for an account with this daily quota. */
    int perHour(int dailyQuota) {
        return perHour != null ? perHour : (int) Math.max(1, Math.floor(dailyQuota * DEFAULT_HOURLY_SHARE));
    }
}
