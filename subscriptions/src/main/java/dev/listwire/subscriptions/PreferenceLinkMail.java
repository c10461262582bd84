package dev.listwire.subscriptions;

import dev.listwire.common.links.Links;
import dev.listwire.common.mail.EmailRenderer;
import dev.listwire.common.mail.ListEmail;
import dev.listwire.common.mail.ListHeaders;
import dev.listwire.common.mail.ListMessages;
import dev.listwire.common.mail.SendResult;
import dev.listwire.common.mail.SmtpConnection;
import dev.listwire.common.mail.TransientSendFailure;
import dev.listwire.common.manifest.ListKind;
import dev.listwire.common.manifest.ListManifest;
import io.micronaut.email.javamail.sender.SessionProvider;
import jakarta.inject.Singleton;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * The email with a link to an address's preferences, sent over the same SMTP path as the lists and
 * rendered in the same layout, from {@code views/preferences-link/}. It is a one-off email of its own,
 * described to the shared code as a transactional "list", so it carries no unsubscribe header. Its link
 * expires ({@link LinkPolicy#preferencesLifetime()}): it was asked for by whoever typed the address.
 */
@Singleton
final class PreferenceLinkMail {

    static final String NAME = "preferences-link";

    private final ListManifest sender;
    private final EmailRenderer renderer;
    private final ListMessages messages;
    private final Session session;
    private final Duration lifetime;

    PreferenceLinkMail(
            SubscriptionsConfiguration configuration,
            LinkPolicy policy,
            EmailRenderer renderer,
            ListMessages messages,
            SessionProvider sessions) {
        this.sender = new ListManifest(
                NAME,
                "Email preferences",
                "this one email, because a link to this address's preferences was asked for on our website. "
                        + "If that was not you, ignore it: nothing changes unless the link is used.",
                new ListManifest.Sender(configuration.fromAddress(), configuration.fromName()),
                ListKind.TRANSACTIONAL,
                new ListManifest.Tuning(1, 30, 1, 1, null, null));
        this.renderer = renderer;
        this.messages = messages;
        this.session = sessions.session();
        this.lifetime = policy.preferencesLifetime();
        renderer.requireTemplates(NAME);
    }

    SendResult send(InternetAddress to, Links links) throws TransientSendFailure, MessagingException {
        Map<String, Object> model = Map.of(
                "list",
                sender,
                "email",
                to.getAddress(),
                "links",
                Map.of("preferences", links.preferences(to.getAddress(), lifetime)));
        var message = messages.compose(
                session,
                new ListEmail(
                        sender, UUID.randomUUID().toString(), to, renderer.render(NAME, model), ListHeaders.none()));
        try (SmtpConnection smtp = new SmtpConnection(session)) {
            return smtp.send(message, to);
        }
    }
}
