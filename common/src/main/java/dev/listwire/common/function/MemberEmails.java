package dev.listwire.common.function;

import dev.listwire.common.links.DeliveryRef;
import dev.listwire.common.links.Links;
import dev.listwire.common.mail.EmailRenderer;
import dev.listwire.common.mail.ListEmail;
import dev.listwire.common.mail.ListHeaders;
import dev.listwire.common.mail.ListMessages;
import dev.listwire.common.manifest.ListKind;
import dev.listwire.common.manifest.ListManifest;
import dev.listwire.common.members.Member;
import io.micronaut.email.javamail.sender.SessionProvider;
import jakarta.inject.Singleton;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One member's email for an event: the template model ({@code event}, {@code subscriber}, {@code list},
 * {@code links}), rendered and wrapped with the list's headers.
 */
@Singleton
final class MemberEmails {

    private final ListManifest list;
    private final EmailRenderer renderer;
    private final ListMessages messages;
    private final Links links;
    private final Session session;

    MemberEmails(
            ListManifest list, EmailRenderer renderer, ListMessages messages, Links links, SessionProvider sessions) {
        this.list = list;
        this.renderer = renderer;
        this.messages = messages;
        this.links = links;
        // ListFunction has checked and compiled the list's templates before it built this.
        this.session = sessions.session();
    }

    Session session() {
        return session;
    }

    MimeMessage compose(EventIdentity id, Object event, Member member, InternetAddress to) throws MessagingException {
        // Only a list that members may leave offers one-click unsubscribe (RFC 8058); every email links the
        // preferences.
        Optional<String> unsubscribe = list.kind() == ListKind.SUBSCRIPTION
                ? Optional.of(links.unsubscribe(list.name(), member.email()))
                : Optional.empty();
        Map<String, Object> linkModel = new LinkedHashMap<>();
        unsubscribe.ifPresent(u -> linkModel.put("unsubscribe", u));
        linkModel.put("preferences", links.preferences(member.email()));
        Map<String, Object> model =
                Map.of("event", event, "subscriber", member.attributes(), "list", list, "links", linkModel);
        var delivery = new DeliveryRef(list.name(), id.eventId(), member.email());
        var headers = new ListHeaders(unsubscribe, Optional.of(delivery));
        return messages.compose(
                session, new ListEmail(list, id.eventId(), to, renderer.render(list.name(), model), headers));
    }
}
