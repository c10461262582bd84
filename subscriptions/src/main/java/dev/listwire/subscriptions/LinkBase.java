package dev.listwire.subscriptions;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.listwire.common.links.LinkConfiguration;
import dev.listwire.common.links.LinkSigner;
import dev.listwire.common.links.Links;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.servlet.http.ServletHttpRequest;
import jakarta.inject.Singleton;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where the links this app emails point: {@code listwire.links.base-url} when it is set (a custom domain, the
 * devstack), else the function URL the request came to. Terraform cannot give a function its own function
 * URL (the URL is made after the function: a cycle), so the deployed app learns it from the request.
 *
 * <p>That domain is read from the event's {@code requestContext.domainName}, which Lambda writes, never from
 * the Host header, which the client writes
 * (https://docs.aws.amazon.com/lambda/latest/dg/urls-invocation.html#urls-payloads), and only in the shape
 * of a function URL, {@code <url-id>.lambda-url.<region>.on.aws}. Anything else could plant an attacker's
 * domain in a link mailed with a valid token, so it is refused: such a deployment sets the base URL.
 * {@code localhost} over plain HTTP only where {@link LinkPolicy#localhost()} is on (the devstack).
 */
@Singleton
final class LinkBase {

    private static final Pattern FUNCTION_URL_HOST = Pattern.compile("[a-z0-9]+\\.lambda-url\\.[a-z0-9-]+\\.on\\.aws");
    private static final Pattern LOCAL_HOST = Pattern.compile("(localhost|127\\.0\\.0\\.1)(:\\d{1,5})?");

    private final LinkSigner signer;
    private final Optional<Links> configured;
    private final boolean localhost;

    LinkBase(LinkConfiguration configuration, LinkPolicy policy, LinkSigner signer) {
        this.signer = signer;
        this.localhost = policy.localhost();
        String baseUrl = configuration.baseUrl();
        this.configured =
                baseUrl == null || baseUrl.isBlank() ? Optional.empty() : Optional.of(new Links(baseUrl, signer));
    }

    /** The links for an email sent while serving this request. */
    Links links(HttpRequest<?> request) {
        return configured.orElseGet(() -> new Links(fromRequest(request), signer));
    }

    private String fromRequest(HttpRequest<?> request) {
        if (request instanceof ServletHttpRequest<?, ?> servlet
                && servlet.getNativeRequest() instanceof APIGatewayV2HTTPEvent event) {
            String domain = event.getRequestContext() == null
                    ? null
                    : event.getRequestContext().getDomainName();
            return fromFunctionUrl(domain);
        }
        return fromLocalHost(request.getHeaders().get(HttpHeaders.HOST), localhost);
    }

    static String fromFunctionUrl(String domainName) {
        String host = domainName == null ? "" : domainName.strip().toLowerCase(Locale.ROOT);
        if (FUNCTION_URL_HOST.matcher(host).matches()) {
            return "https://" + host;
        }
        throw new IllegalStateException(
                "listwire.links.base-url is not set and the request came through " + domainName
                        + ", which is not a Lambda function URL: set LISTWIRE_LINKS_BASE_URL to the preference center's address");
    }

    static String fromLocalHost(String header, boolean allowed) {
        String host = header == null ? "" : header.strip().toLowerCase(Locale.ROOT);
        if (allowed && LOCAL_HOST.matcher(host).matches()) {
            return "http://" + host;
        }
        String why = allowed
                ? " nor asked as localhost (Host: " + header + ")"
                : " (localhost links are for the devstack only)";
        throw new IllegalStateException("listwire.links.base-url is not set and this server is not behind a function"
                + " URL" + why + ": set LISTWIRE_LINKS_BASE_URL to the preference center's address");
    }
}
