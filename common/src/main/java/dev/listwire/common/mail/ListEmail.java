package dev.listwire.common.mail;

import dev.listwire.common.manifest.ListManifest;
import jakarta.mail.internet.InternetAddress;
import java.util.Optional;

/**
 * One list email before it is MIME: what {@link ListMessages} builds the message and its headers from.
 *
 * @param list           the list it is sent for: From, {@code List-Id}, the Message-ID's domain
 * @param eventId        the event, for the Message-ID derived from (list, event, recipient)
 * @param to             the recipient
 * @param content        the rendered subject, text and HTML
 * @param unsubscribeUrl the one-click unsubscribe URL, for lists members may leave
 */
public record ListEmail(
        ListManifest list,
        String eventId,
        InternetAddress to,
        RenderedEmail content,
        Optional<String> unsubscribeUrl) {}
