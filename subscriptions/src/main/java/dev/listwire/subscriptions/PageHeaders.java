package dev.listwire.subscriptions;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * What every answer of the preference center carries, and nothing else on a shared server (the devstack
 * serves other pages beside these):
 * <ul>
 *   <li>no caching, and a Referer only to this site: the signed token in the URL must not reach a cache or
 *       another site. ({@code no-referrer} would make the browser send {@code Origin: null} with the forms'
 *       POSTs, which Micronaut refuses on localhost as a drive-by attack.)</li>
 *   <li>a Content-Security-Policy that allows the one style sheet and forms to this site only, and no framing
 *       (no script runs on these pages at all);</li>
 *   <li>an error that a route did not turn into a page itself (404, 405, 415, 500) becomes one.</li>
 * </ul>
 */
@ServerFilter({"/unsubscribe/**", "/preferences", "/preferences/**", "/assets/subscriptions.css"})
final class PageHeaders {

    static final String POLICY = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'";

    private final Pages pages;

    PageHeaders(Pages pages) {
        this.pages = pages;
    }

    @ResponseFilter
    void decorate(HttpRequest<?> request, MutableHttpResponse<?> response) {
        MutableHttpResponse<?> answer = response;
        boolean page = response.getContentType()
                .map(t -> t.matches(MediaType.TEXT_HTML_TYPE))
                .orElse(false);
        if (response.code() >= 400 && !page) {
            MutableHttpResponse<String> error = pages.generic(HttpStatus.valueOf(response.code()));
            answer = response.body(error.body())
                    .contentType(error.getContentType().orElseThrow());
        }
        if (!request.getPath().startsWith("/assets/")) {
            answer.header("Cache-Control", "no-store");
        }
        answer.header("Referrer-Policy", "same-origin");
        answer.header("X-Content-Type-Options", "nosniff");
        answer.header("X-Frame-Options", "DENY");
        answer.header("Content-Security-Policy", POLICY);
    }
}
