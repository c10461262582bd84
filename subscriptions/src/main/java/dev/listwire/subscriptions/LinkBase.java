package dev.listwire.subscriptions;

import dev.listwire.common.links.LinkConfiguration;
import dev.listwire.common.links.LinkSigner;
import dev.listwire.common.links.Links;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where the links this app emails point: {@code listwire.links.base-url} when it is set (a custom domain, the
 * devstack), else the function URL the request came to. Terraform cannot give a function its own function
 * URL (the URL is made after the function: a cycle), so the deployed app learns it from the request.
 *
 * <p>The Host header is trusted only in the shape of a function URL, {@code <url-id>.lambda-url.<region>.on.aws}
 * (https://docs.aws.amazon.com/lambda/latest/dg/urls-configuration.html), because AWS routes a request to a
 * function URL by that host name: a request that names another Host does not reach this function (which is
 * why CloudFront in front of a function URL must not forward the viewer's Host, see the managed policy
 * AllViewerExceptHostHeader, https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-managed-origin-request-policies.html).
 * Any other Host (a server behind a proxy that passes the client's Host on) could plant an attacker's
 * domain in a link mailed with a valid token, so it is refused: such a deployment sets the base URL.
 * {@code localhost} is allowed over plain HTTP for the devstack and tests.
 */
@Singleton
final class LinkBase {

    private static final Pattern FUNCTION_URL_HOST = Pattern.compile("[a-z0-9]+\\.lambda-url\\.[a-z0-9-]+\\.on\\.aws");
    private static final Pattern LOCAL_HOST = Pattern.compile("(localhost|127\\.0\\.0\\.1)(:\\d{1,5})?");

    private final LinkSigner signer;
    private final Optional<Links> configured;

    LinkBase(LinkConfiguration configuration, LinkSigner signer) {
        this.signer = signer;
        String baseUrl = configuration.baseUrl();
        this.configured = baseUrl == null || baseUrl.isBlank() ? Optional.empty() : Optional.of(new Links(baseUrl, signer));
    }

    /** The links for an email sent while serving this request. */
    Links links(HttpRequest<?> request) {
        return configured.orElseGet(() -> new Links(fromHost(request.getHeaders().get(HttpHeaders.HOST)), signer));
    }

    static String fromHost(String header) {
        String host = header == null ? "" : header.strip().toLowerCase(Locale.ROOT);
        if (FUNCTION_URL_HOST.matcher(host).matches()) {
            return "https://" + host;
        }
        if (LOCAL_HOST.matcher(host).matches()) {
            return "http://" + host;
        }
        throw new IllegalStateException("listwire.links.base-url is not set and the request's Host (" + header
                + ") is not a Lambda function URL: set LISTWIRE_LINKS_BASE_URL to the preference center's address");
    }
}
