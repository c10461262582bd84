package dev.listwire.subscriptions;

import dev.listwire.common.links.Links;
import dev.listwire.common.logging.JsonLines;
import dev.listwire.common.mail.Addresses;
import dev.listwire.common.mail.SendResult;
import dev.listwire.common.mail.TransientSendFailure;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * "Email me a link": takes an address and emails it a signed link to its preferences. Every well-formed
 * address is sent the same email, whether or not any list has it (a newcomer's link lets them join, and
 * only the inbox's owner can use it), so the answer, and the work behind it, are the same either way and
 * tell nobody whether an address is known. The per-address hourly limit keeps the form from being used
 * to flood an inbox.
 */
@Controller("/preferences")
final class LinkRequestController {

    private final LinkRequestLimit limit;
    private final PreferenceLinkMail mail;
    private final LinkBase linkBase;
    private final Pages pages;
    private final JsonLines log;

    LinkRequestController(
            LinkRequestLimit limit, PreferenceLinkMail mail, LinkBase linkBase, Pages pages, JsonLines log) {
        this.limit = limit;
        this.mail = mail;
        this.linkBase = linkBase;
        this.pages = pages;
        this.log = log;
    }

    @Get(produces = MediaType.TEXT_HTML)
    HttpResponse<String> form() {
        return pages.ok("link-form", form("", ""));
    }

    @Post(
            consumes = {MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA},
            produces = MediaType.TEXT_HTML)
    HttpResponse<String> request(HttpRequest<?> request, @Body("email") @Nullable String email) {
        String entered = email == null ? "" : email.strip();
        Addresses.Verdict verdict = Addresses.check(entered.toLowerCase(Locale.ROOT));
        if (verdict instanceof Addresses.Refused refused) {
            String error = entered.isEmpty()
                    ? "Enter your email address."
                    : "Enter one email address in the form name@example.com: " + refused.why() + ".";
            return pages.page(HttpStatus.BAD_REQUEST, "link-form", form(entered, error));
        }
        Optional<InternetAddress> address = Optional.of(((Addresses.Accepted) verdict).address());
        String to = address.get().getAddress();
        Links links = linkBase.links(request); // before counting: a request that cannot be answered costs no share
        if (!limit.tryAcquire(to)) {
            return pages.error(
                    HttpStatus.TOO_MANY_REQUESTS,
                    "Please wait before asking again",
                    "We have already sent several links to this address in the last hour. Check your inbox and "
                            + "spam folder; you can ask again in an hour.",
                    false);
        }
        try {
            if (mail.send(address.get(), links) instanceof SendResult.Rejected rejected) {
                // Said to nobody but the log: the page must not tell whether an address exists.
                log.warn("preferences-link-rejected", Map.of("recipient", to, "smtpReply", rejected.reply()));
            }
        } catch (TransientSendFailure | MessagingException e) {
            log.error("preferences-link-failed", Map.of("recipient", to, "error", String.valueOf(e.getMessage())));
            return pages.error(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "We could not send the email just now",
                    "Please try again in a few minutes.",
                    false);
        }
        return pages.ok("link-sent", Map.of("email", to));
    }

    /** The form, with what was entered and what is wrong with it; the title says so first, for screen readers. */
    private static Map<String, Object> form(String email, String error) {
        String title = "Manage your email preferences";
        return Map.of("email", email, "error", error, "pageTitle", error.isEmpty() ? title : "Error: " + title);
    }
}
