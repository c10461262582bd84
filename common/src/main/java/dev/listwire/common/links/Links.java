package dev.listwire.common.links;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;

/** The signed links that every list email carries: one-click unsubscribe and the preference center. */
@Singleton
public final class Links {

    /** The scope of a preferences token: the member's choices on every list. */
    public static final String ALL_LISTS = "*";

    private final String baseUrl;
    private final LinkSigner signer;

    /** The list functions' links: under {@code listwire.links.base-url}, which they must have (they serve no request). */
    @Inject
    public Links(LinkConfiguration configuration, LinkSigner signer) {
        this(configuration.baseUrl(), signer);
    }

    /** Links under another base URL, checked the same way: the subscriptions app's, taken from the request it serves. */
    public Links(String baseUrl, LinkSigner signer) {
        this.baseUrl = checked(baseUrl);
        this.signer = signer;
    }

    public String unsubscribe(String list, String email) {
        return baseUrl + "/unsubscribe/" + signer.sign(LinkPurpose.UNSUBSCRIBE, list, email);
    }

    /** The footer's preferences link: it works as long as the unsubscribe link beside it. */
    public String preferences(String email) {
        return baseUrl + "/preferences/" + signer.sign(LinkPurpose.PREFERENCES, ALL_LISTS, email);
    }

    /** A preferences link that stops working after {@code lifetime}: the one the "email me a link" form sends. */
    public String preferences(String email, Duration lifetime) {
        Instant expires = Instant.now().plus(lifetime);
        return baseUrl + "/preferences/" + signer.sign(LinkPurpose.PREFERENCES, ALL_LISTS, email, expires);
    }

    /** HTTPS only (RFC 8058 asks for it), except plain HTTP on this machine for the devstack. */
    private static String checked(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalStateException("listwire.links.base-url is required (LISTWIRE_LINKS_BASE_URL)");
        }
        URI uri = URI.create(url);
        boolean local = "localhost".equals(uri.getHost()) || "127.0.0.1".equals(uri.getHost());
        if (!"https".equals(uri.getScheme()) && !("http".equals(uri.getScheme()) && local)) {
            throw new IllegalStateException("listwire.links.base-url must be an https:// URL: " + url);
        }
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
