package dev.listwire.subscriptions;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

/**
 * The function URL's root leads to the "email me a link" form. A server that has a page of its own at
 * {@code /} (the devstack) turns this off with {@code listwire.subscriptions.root-redirect=false}.
 */
@Controller
@Requires(property = "listwire.subscriptions.root-redirect", notEquals = "false")
final class RootRedirect {

    @Get
    HttpResponse<String> root() {
        return Pages.seeOther("/preferences");
    }
}
