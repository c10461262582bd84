package dev.listwire.devstack.cli;

import dev.listwire.common.mail.MessageIds;
import dev.listwire.devstack.stack.LocalEndpoints;
import dev.listwire.devstack.stack.Ports;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.net.ConnectException;
import java.util.Optional;
import java.util.Properties;

/**
 * The devstack's GreenMail over IMAP, as a mail client reaches it: every recipient has a mailbox whose user
 * and password are its address, and the sending account ({@link LocalEndpoints#SMTP_USER}) is one of them.
 */
final class LocalMailboxes {

    private final Ports ports;
    private final Session session;

    LocalMailboxes(Ports ports) {
        this.ports = ports;
        Properties p = new Properties();
        p.put("mail.imap.host", "127.0.0.1");
        p.put("mail.imap.port", String.valueOf(ports.imap()));
        p.put("mail.imap.connectiontimeout", "5000");
        p.put("mail.imap.timeout", "10000");
        this.session = Session.getInstance(p);
    }

    /**
     * The newest list email (one with a {@code List-Id}) in {@code address}'s INBOX, or the newest of event
     * {@code eventId}, recognised by its {@code Message-ID}, which is derived from (list, event, recipient).
     * Empty when there is none, or when GreenMail never received mail for the address (no such mailbox).
     */
    Optional<MimeMessage> newestListEmail(String address, Optional<String> eventId) throws MessagingException {
        try (Store store = open(address)) {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            try {
                Message[] messages = inbox.getMessages();
                for (int i = messages.length - 1; i >= 0; i--) {
                    MimeMessage message = (MimeMessage) messages[i];
                    if (isListEmail(message)
                            && eventId.map(id -> isOf(message, id, address)).orElse(true)) {
                        return Optional.of(new MimeMessage(message)); // a copy: the folder closes
                    }
                }
                return Optional.empty();
            } finally {
                inbox.close(false);
            }
        } catch (AuthenticationFailedException noMailbox) {
            return Optional.empty(); // GreenMail makes a mailbox on the first message for an address
        }
    }

    /** Puts {@code message} into the sending account's INBOX, as its arrival by SMTP would (IMAP APPEND). */
    void appendToSendingAccount(MimeMessage message) throws MessagingException {
        try (Store store = open(LocalEndpoints.SMTP_USER)) {
            Folder inbox = store.getFolder("INBOX");
            inbox.appendMessages(new Message[] {message});
        }
    }

    private Store open(String user) throws MessagingException {
        Store store = session.getStore("imap");
        try {
            store.connect(user, user);
        } catch (MessagingException e) {
            if (e.getNextException() instanceof ConnectException || e.getCause() instanceof ConnectException) {
                throw new IllegalStateException("nothing answers IMAP on localhost:" + ports.imap()
                        + ": the devstack is not running (start it with ./listwire devstack), or it sends through "
                        + "a real server (--smtp), whose bounces go to the real mailbox");
            }
            throw e;
        }
        return store;
    }

    private static boolean isListEmail(MimeMessage message) {
        try {
            return message.getHeader("List-Id") != null && message.getMessageID() != null;
        } catch (MessagingException unreadable) {
            return false;
        }
    }

    /** The list a list email came from, read back from its {@code Message-ID} ({@code <hash.list@domain>}). */
    static Optional<String> listOf(MimeMessage message) {
        return idParts(message).map(ListEmailId::list);
    }

    /** Whether a list email is {@code eventId}'s: its {@code Message-ID} is derived from list, event and recipient. */
    private static boolean isOf(MimeMessage message, String eventId, String address) {
        return idParts(message)
                .map(parts -> MessageIds.of(parts.list(), eventId, address, parts.domain()))
                .filter(derived -> derived.equals(messageId(message)))
                .isPresent();
    }

    /** The list and the domain in a list email's {@code Message-ID}, {@code <hash.list@domain>}. */
    private record ListEmailId(String list, String domain) {}

    private static Optional<ListEmailId> idParts(MimeMessage message) {
        String id = messageId(message);
        int dot = id.indexOf('.');
        int at = id.lastIndexOf('@');
        if (!id.startsWith("<") || !id.endsWith(">") || dot < 0 || at < dot) {
            return Optional.empty();
        }
        return Optional.of(new ListEmailId(id.substring(dot + 1, at), id.substring(at + 1, id.length() - 1)));
    }

    private static String messageId(MimeMessage message) {
        try {
            return String.valueOf(message.getMessageID());
        } catch (MessagingException unreadable) {
            return "";
        }
    }
}
