package dev.listwire.feedback;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * The sending account's mailbox, where DSNs and ARF reports arrive. Gmail by default: Gmail sends its
 * "Mail Delivery Subsystem" DSNs to the authenticated account, whatever the envelope sender said.
 *
 * @param host          {@code imap.gmail.com}
 * @param port          993, TLS from the first byte
 * @param ssl           false only for a local server (the devstack's GreenMail)
 * @param username      the login; unset: the SMTP account's ({@code listwire.smtp.username})
 * @param password      the app password; unset: the SMTP account's (from SSM, {@code LISTWIRE_SSM_SMTP_PASSWORD})
 * @param folder        the folder read: {@code INBOX}
 * @param handledFolder where each report acted on is moved (created if missing); nothing is ever deleted
 * @param maxMessages   the most messages one run reads; the rest wait for the next run
 * @param timeoutMillis connect, read and write timeouts: a mailbox that stops answering ends the run, not Lambda
 */
@ConfigurationProperties("listwire.feedback.mailbox")
public record MailboxConfiguration(
        @Bindable(defaultValue = "imap.gmail.com") String host,
        @Bindable(defaultValue = "993") int port,
        @Bindable(defaultValue = "true") boolean ssl,
        @Nullable String username,
        @Nullable String password,
        @Bindable(defaultValue = "INBOX") String folder,
        @Bindable(defaultValue = "listwire-feedback") String handledFolder,
        @Bindable(defaultValue = "500") int maxMessages,
        @Bindable(defaultValue = "20000") int timeoutMillis) {}
