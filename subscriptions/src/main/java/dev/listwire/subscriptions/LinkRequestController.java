package dev.listwire.subscriptions;

import dev.listwire.common.links.Links;
import dev.listwire.common.logging.JsonLines;
import dev.listwire.common.mail.Addresses;
import dev.listwire.common.mail.SendResult;
import dev.listwire.common.mail.TransientSendFailure;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
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

/**
 * "Email me a link": takes an address and emails it a signed link to its preferences. Every well-formed
 * address is sent the same email, whether or not any list has it (a newcomer's link lets them join, and
 * only the inbox's owner can use it), so the answer, and the work behind it, are the same either way and
 * tell nobody whether an address is known. Its caps ({@link LinkCaps}: per client, per address, for all
 * together, and the sending account's share kept for the lists) keep the form from being used to flood an
 * inbox or to spend the quota the lists need.
 */
@Controller("/preferences")
final class LinkRequestController {

    private final LinkCaps caps;
    private final PreferenceLinkMail mail;
    private final LinkBase linkBase;
    private final Pages pages;
    private final JsonLines log;

    LinkRequestController(LinkCaps caps, PreferenceLinkMail mail, LinkBase linkBase, Pages pages, JsonLines log) {
        this.caps = caps;
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
        InternetAddress address = ((Addresses.Accepted) verdict).address();
        String to = address.getAddress();
        Links links = linkBase.links(request); // before counting: a request that cannot be answered costs no share
        LinkCaps.Outcome outcome = caps.take(ClientAddress.of(request), to);
        if (outcome instanceof LinkCaps.Refused refused) {
            return tooMany(refused, to);
        }
        LinkCaps.Reserved reserved = (LinkCaps.Reserved) outcome;
        try {
            if (mail.send(address, links) instanceof SendResult.Rejected rejected) {
                // Said to nobody but the log: the page must not tell whether an address exists.
                log.warn("preferences-link-rejected", Map.of("recipient", to, "smtpReply", rejected.reply()));
            }
        } catch (TransientSendFailure | MessagingException e) {
            caps.giveBack(reserved); // nothing was sent: the request uses none of the caps meant for emails
            log.error("preferences-link-failed", Map.of("recipient", to, "error", String.valueOf(e.getMessage())));
            return pages.error(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "We could not send the email just now",
                    "Please try again in a few minutes.",
                    false);
        } catch (RuntimeException e) {
            caps.giveBack(reserved); // the email could not be built, so nothing was sent: the 500 costs no share
            throw e;
        }
        return pages.ok("link-sent", Map.of("email", to));
    }

    /** A 429 that says when to ask again; which cap it was is said to the log only. */
    private HttpResponse<String> tooMany(LinkCaps.Refused refused, String to) {
        long seconds = refused.retryAfterSeconds();
        log.info(
                "link-request-refused",
                Map.of("recipient", to, "cap", refused.cap().logName, "retryAfterSeconds", seconds));
        return pages.tooManyLinkRequests(refused.cap()).header(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
    }

    /** The form, with what was entered and what is wrong with it; the title says so first, for screen readers. */
    private static Map<String, Object> form(String email, String error) {
        String title = "Manage your email preferences";
        return Map.of("email", email, "error", error, "pageTitle", error.isEmpty() ? title : "Error: " + title);
    }
}
