package dev.listwire.subscriptions;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.views.handlebars.HandlebarsViewsRenderer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/**
 * Renders the pages ({@code views/subscriptions/*.hbs}, HTML-escaped by default) into responses, and
 * the error pages a member may meet, each in words a customer understands.
 */
@Singleton
final class Pages {

    static final String VIEWS = "subscriptions/";

    private final HandlebarsViewsRenderer<Map<String, Object>, Object> renderer;

    Pages(HandlebarsViewsRenderer<Map<String, Object>, Object> renderer) {
        this.renderer = renderer;
    }

    MutableHttpResponse<String> page(HttpStatus status, String view, Map<String, Object> model) {
        return HttpResponse.<String>status(status)
                .contentType(MediaType.TEXT_HTML + ";charset=utf-8")
                .body(html(view, model));
    }

    MutableHttpResponse<String> ok(String view, Map<String, Object> model) {
        return page(HttpStatus.OK, view, model);
    }

    String html(String view, Map<String, Object> model) {
        StringWriter out = new StringWriter();
        try {
            renderer.render(VIEWS + view, model, null).writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render views/" + VIEWS + view + ".hbs", e);
        }
        return out.toString();
    }

    /** After a change, the page to show is fetched with GET, so that a reload does not post again. */
    static MutableHttpResponse<String> seeOther(String location) {
        return HttpResponse.<String>status(HttpStatus.SEE_OTHER).headers(h -> h.location(URI.create(location)));
    }

    MutableHttpResponse<String> error(HttpStatus status, String title, String message, boolean offerNewLink) {
        Map<String, Object> model = new HashMap<>();
        model.put("title", title);
        model.put("message", message);
        model.put("offerNewLink", offerNewLink);
        model.put("status", status.getCode());
        return page(status, "error", model);
    }

    MutableHttpResponse<String> forbiddenLink() {
        return error(
                HttpStatus.FORBIDDEN,
                "This link does not work",
                "The link may have been cut short or changed on its way to you, so nothing was changed. "
                        + "We can email you a new link to your preferences.",
                true);
    }

    MutableHttpResponse<String> unknownList() {
        return error(
                HttpStatus.NOT_FOUND,
                "This list no longer exists",
                "We no longer send this list, so you will not get its emails. Nothing was changed.",
                true);
    }

    MutableHttpResponse<String> cannotLeave(ListCatalogue.Entry list) {
        return error(
                HttpStatus.CONFLICT,
                list.manifest().title() + " cannot be left",
                list.manifest().title() + " carries messages about your account that we have to send you. "
                        + "You can join or leave every other list in your preferences. Nothing was changed.",
                false);
    }

    MutableHttpResponse<String> unavailable() {
        return error(
                HttpStatus.SERVICE_UNAVAILABLE,
                "Something went wrong on our side",
                "Nothing was changed. Please try again in a few minutes.",
                false);
    }

    /**
     * The "email me a link" form over one of its caps: the same words for the client's, the address's and
     * everyone's cap, so that a script learns nothing but "too many requests, try later"; the account's two
     * say how long, in plain words.
     */
    MutableHttpResponse<String> tooManyLinkRequests(LinkCaps.Cap cap) {
        String message = switch (cap) {
            case ACCOUNT_RATE ->
                "We are sending a lot of email just now, so nothing was sent. " + "Please try again in a minute.";
            case ACCOUNT_FLOOR ->
                "We have sent as many emails as we can for now, so nothing was sent. "
                        + "Please try again later today.";
            case IP, ADDRESS, GLOBAL ->
                "There have been too many requests for links, so nothing was sent. "
                        + "If you asked earlier, check your inbox and spam folder; otherwise please try again "
                        + "later.";
        };
        return error(HttpStatus.TOO_MANY_REQUESTS, "Please wait before asking again", message, false);
    }

    /** For what the routes do not answer themselves: an unknown address, a wrong method or form. */
    MutableHttpResponse<String> generic(HttpStatus status) {
        if (status == HttpStatus.NOT_FOUND) {
            return error(
                    status,
                    "Page not found",
                    "There is no page at this address. Check the link in your email, "
                            + "or ask for a new link to your preferences.",
                    true);
        }
        if (status.getCode() >= 500) {
            return unavailable().status(status);
        }
        return error(
                status,
                "This request could not be handled",
                "Nothing was changed. Please use the buttons on the page, or ask for a new link.",
                true);
    }
}
