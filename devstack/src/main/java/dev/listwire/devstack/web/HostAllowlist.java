package dev.listwire.devstack.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The devstack's web server answers only requests addressed to this machine by name: a page on another
 * site that rebinds its DNS name to 127.0.0.1 (DNS rebinding) still sends its own name as Host, and so
 * cannot read {@code /mail/messages.json}, whose emails hold working unsubscribe and preferences tokens.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class HostAllowlist {

    private static final Pattern ALLOWED = Pattern.compile("(localhost|127\\.0\\.0\\.1)(:\\d{1,5})?");

    @RequestFilter
    @Nullable
    HttpResponse<String> check(HttpRequest<?> request) {
        String host = request.getHeaders().get(HttpHeaders.HOST);
        return allowed(host)
                ? null
                : HttpResponse.<String>status(HttpStatus.FORBIDDEN)
                        .body("The devstack answers only to localhost and 127.0.0.1, not to Host: " + host + "\n");
    }

    static boolean allowed(@Nullable String host) {
        return host != null
                && ALLOWED.matcher(host.strip().toLowerCase(Locale.ROOT)).matches();
    }
}
