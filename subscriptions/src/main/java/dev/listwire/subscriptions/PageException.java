package dev.listwire.subscriptions;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** A request that ends in one of {@link Pages}' error pages (a bad link, an unknown list): nothing was changed. */
final class PageException extends RuntimeException {

    private final transient MutableHttpResponse<String> page;

    PageException(MutableHttpResponse<String> page) {
        super(page.status() + " " + page.reason(), null, false, false);
        this.page = page;
    }

    MutableHttpResponse<String> page() {
        return page;
    }

    /** Only this exception type is handled, so the pages of a server that shares this module are untouched. */
    @Singleton
    @Requires(classes = ExceptionHandler.class)
    static final class Handler implements ExceptionHandler<PageException, HttpResponse<String>> {
        @Override
        public HttpResponse<String> handle(HttpRequest request, PageException exception) {
            return exception.page();
        }
    }
}
