package dev.listwire.subscriptions;

import dev.listwire.common.quota.Allowance;
import dev.listwire.common.quota.SendingAccount;
import dev.listwire.common.quota.SendingConfiguration;
import dev.listwire.subscriptions.LinkRequestLimit.Scope;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;

/**
 * Whether one "email me a link" request may send, checked from the narrowest cap to the widest: the
 * client's hourly count, the address's (in its {@link NormalAddress normal form}), every client's together,
 * then one send reserved from the shared sending account, short of the share the lists keep. A request
 * refused by the client's cap costs one write, and a flood from one client spends nothing of anyone else's;
 * a request refused by a cap never reaches the account, so it reserves no send.
 *
 * <p>What a refused or failed request counted is settled here, in one place: the client's and the address's
 * counts stay (they count requests, and a client retrying into a refusal is still asking); the global count
 * is given back when the account refuses, and the send, the global count and the address's count when the
 * email could not be sent ({@link #giveBack}), so that only emails sent use the caps meant for emails.
 */
@Singleton
final class LinkCaps {

    /** The caps, by the names their log lines give them ({@code link-request-refused}, {@code cap}). */
    enum Cap {
        IP("ip"),
        ADDRESS("address"),
        GLOBAL("global"),
        ACCOUNT_RATE("account-rate"),
        ACCOUNT_FLOOR("account-floor");

        final String logName;

        Cap(String logName) {
            this.logName = logName;
        }
    }

    sealed interface Outcome {}

    /** One send is this request's; {@link #giveBack} if it was not made. */
    record Reserved(String normalAddress, Instant at) implements Outcome {}

    /** Over {@code cap}; asking again sooner than {@code retryAfter} is refused too. */
    record Refused(Cap cap, Duration retryAfter) implements Outcome {

        Refused(Cap cap, Instant now, Instant retryAt) {
            this(cap, Duration.between(now, retryAt).isNegative() ? Duration.ZERO : Duration.between(now, retryAt));
        }

        /** For a Retry-After header: whole seconds, rounded up, at least one. */
        long retryAfterSeconds() {
            return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        }
    }

    private final LinkRequestLimit counts;
    private final SendingAccount account;
    private final int perAddress;
    private final int perClient;
    private final int perHour;
    private final double listsShare;

    LinkCaps(
            LinkRequestLimit counts,
            SubscriptionsConfiguration subscriptions,
            LinkCapsConfiguration caps,
            SendingAccount account,
            SendingConfiguration sending) {
        this.counts = counts;
        this.account = account;
        this.perAddress = subscriptions.linkRequestsPerHour();
        this.perClient = caps.perClientPerHour();
        this.perHour = caps.perHour(sending.dailyQuota());
        this.listsShare = caps.listsShare();
    }

    Outcome take(String client, String address) {
        Instant now = account.now();
        Instant nextHour = LinkRequestLimit.nextHour(now);
        String normal = NormalAddress.of(address);
        if (!counts.tryAcquire(Scope.CLIENT, client, perClient, now)) {
            return new Refused(Cap.IP, now, nextHour);
        }
        if (!counts.tryAcquire(Scope.ADDRESS, normal, perAddress, now)) {
            return new Refused(Cap.ADDRESS, now, nextHour);
        }
        if (!counts.tryAcquire(Scope.ALL, Scope.ALL.name(), perHour, now)) {
            return new Refused(Cap.GLOBAL, now, nextHour);
        }
        Allowance allowance = account.reserveOneLeaving(listsShare, now);
        if (allowance instanceof Allowance.Granted) {
            return new Reserved(normal, now);
        }
        counts.giveBack(Scope.ALL, Scope.ALL.name(), now);
        return allowance instanceof Allowance.RateLimited limited
                ? new Refused(Cap.ACCOUNT_RATE, now, limited.resumesAt())
                : new Refused(Cap.ACCOUNT_FLOOR, now, ((Allowance.QuotaSpent) allowance).resumesAt());
    }

    /** The email was not sent: its send, and its place under the global and the address's caps, go back. */
    void giveBack(Reserved reserved) {
        account.giveBack(1, reserved.at());
        counts.giveBack(Scope.ALL, Scope.ALL.name(), reserved.at());
        counts.giveBack(Scope.ADDRESS, reserved.normalAddress(), reserved.at());
    }
}
