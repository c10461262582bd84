package dev.listwire.subscriptions;

import dev.listwire.common.links.LinkToken;
import dev.listwire.common.members.Memberships;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import java.util.Map;

/**
 * One-click unsubscribe (RFC 8058, https://www.rfc-editor.org/rfc/rfc8058): a POST of
 * {@code List-Unsubscribe=One-Click} to the email's {@code List-Unsubscribe} URL leaves the list at once
 * and answers 200, with no redirect, cookie or login. A GET changes nothing (mail scanners fetch every
 * link) and shows one button that makes that same POST.
 */
@Controller("/unsubscribe/{token}")
final class UnsubscribeController {

    private final Grants grants;
    private final Memberships memberships;
    private final MembershipLog log;
    private final Pages pages;

    UnsubscribeController(Grants grants, Memberships memberships, MembershipLog log, Pages pages) {
        this.grants = grants;
        this.memberships = memberships;
        this.log = log;
        this.pages = pages;
    }

    @Get(produces = MediaType.TEXT_HTML)
    HttpResponse<String> confirm(String token) {
        LinkToken grant = grants.unsubscribe(token);
        ListCatalogue.Entry list = grants.leavable(grant.list());
        return pages.ok("unsubscribe", model(token, grant, list));
    }

    @Post(
            consumes = {MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA, MediaType.TEXT_PLAIN},
            produces = MediaType.TEXT_HTML)
    HttpResponse<String> unsubscribe(String token, @Body @Nullable Map<String, Object> form) {
        LinkToken grant = grants.unsubscribe(token);
        ListCatalogue.Entry list = grants.leavable(grant.list());
        if (!OneClickBody.asksToUnsubscribe(form)) {
            return pages.error(
                    HttpStatus.BAD_REQUEST,
                    "Nothing was changed",
                    "This request did not ask to unsubscribe. Open the link from your email again and press "
                            + "the Unsubscribe button.",
                    false);
        }
        Memberships.Change change = memberships.leave(list.table(), grant.email());
        log.changed("leave", list.name(), grant.email(), MembershipLog.Via.ONE_CLICK, change);
        return pages.ok("unsubscribed", model(token, grant, list));
    }

    /**
     * No preferences token here: an unsubscribe URL is seen by mail providers and scanners, and must not
     * open every list's choices for the address. The pages point to the "email me a link" form instead.
     */
    private static Map<String, Object> model(String token, LinkToken grant, ListCatalogue.Entry list) {
        return Map.of("token", token, "email", grant.email(), "list", list.manifest(), "linkForm", "/preferences");
    }
}
