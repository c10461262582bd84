package dev.listwire.common.mail;

import dev.listwire.common.manifest.ListManifest;
import jakarta.mail.internet.InternetAddress;

/**
 * One list email before it is MIME: what {@link ListMessages} builds the message and its headers from.
 *
 * @param list           the list it is sent for: From, {@code List-Id}, the Message-ID's domain
 * @param eventId        the event, for the Message-ID derived from (list, event, recipient)
 * @param to             the recipient
 * @param content        the rendered subject, text and HTML
 * @param headers        the unsubscribe URL and the delivery ref to sign, when this email carries them
 */
public record ListEmail(
        ListManifest list, String eventId, InternetAddress to, RenderedEmail content, ListHeaders headers) {}
