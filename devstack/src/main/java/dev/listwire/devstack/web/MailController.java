package dev.listwire.devstack.web;

import dev.listwire.devstack.stack.MailServer;
import dev.listwire.devstack.stack.SmtpRelay;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.View;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The devstack's mail viewer: every email GreenMail received, newest first, with its headers, its text
 * part and its HTML part. The HTML is served on its own URL with a sandboxing CSP, and shown in an iframe.
 * With {@code --smtp} nothing is captured, and the viewer says so plainly instead of showing an empty inbox.
 */
@Controller("/mail")
public final class MailController {

    private final MailServer mail;

    MailController(MailServer mail) {
        this.mail = mail;
    }

    @Get(produces = MediaType.TEXT_HTML)
    @View("mail/index")
    Map<String, Object> index() {
        return Map.of(
                "messages",
                newestFirst(Integer.MAX_VALUE),
                "notCaptured",
                mail.relay().map(SmtpRelay::notCaptured).orElse(""));
    }

    /** For {@code ./listwire mail}: whether mail is captured here, before it says "no mail yet". */
    @Get(uri = "/capture.json", produces = MediaType.APPLICATION_JSON)
    MailCapture capture() {
        return new MailCapture(
                mail.relay().isEmpty(),
                mail.relay().map(SmtpRelay::address).orElse(""),
                mail.relay().map(SmtpRelay::notCaptured).orElse(""));
    }

    /** For {@code ./listwire mail --last N}. */
    @Get(uri = "/messages.json", produces = MediaType.APPLICATION_JSON)
    List<ReceivedMail> messages(@QueryValue(defaultValue = "20") int last) {
        return newestFirst(last);
    }

    @Get(uri = "/{number}", produces = MediaType.TEXT_HTML)
    HttpResponse<?> message(int number) {
        return find(number)
                .<HttpResponse<?>>map(m -> HttpResponse.ok(new ModelAndView<>("mail/message", Map.of("message", m))))
                .orElseGet(() -> HttpResponse.status(HttpStatus.NOT_FOUND).body("No message " + number));
    }

    /** The email's own HTML, sandboxed: no script runs and nothing is fetched on the viewer's origin. */
    @Get(uri = "/{number}/html", produces = MediaType.TEXT_HTML)
    HttpResponse<String> html(int number) {
        return find(number)
                .map(m -> HttpResponse.ok(m.html())
                        .header("Content-Security-Policy", "sandbox allow-popups allow-popups-to-escape-sandbox"))
                .orElseGet(
                        () -> HttpResponse.<String>status(HttpStatus.NOT_FOUND).body("No message " + number));
    }

    private Optional<ReceivedMail> find(int number) {
        List<MimeMessage> received = mail.received();
        return number < 1 || number > received.size()
                ? Optional.empty()
                : Optional.of(ReceivedMail.of(number, received.get(number - 1)));
    }

    private List<ReceivedMail> newestFirst(int last) {
        List<MimeMessage> received = mail.received();
        List<ReceivedMail> out = new ArrayList<>();
        for (int n = received.size(); n >= 1 && out.size() < last; n--) {
            out.add(ReceivedMail.of(n, received.get(n - 1)));
        }
        return out;
    }
}
