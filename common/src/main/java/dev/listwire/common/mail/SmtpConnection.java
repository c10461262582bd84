package dev.listwire.common.mail;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/**
 * One authenticated SMTP connection, opened at the first email of a batch and reused for every email
 * after it. micronaut-email's sender opens a connection per email ({@code Transport.send}), which a
 * list of thousands cannot afford, so this holds the {@link Transport} itself. A connection that was
 * dropped (no SMTP reply at all) is opened again and the email tried once more before it counts as a
 * failure: servers close idle or long-lived connections, and that says nothing about the email.
 */
public final class SmtpConnection implements AutoCloseable {

    private final Session session;
    private Transport transport;
    private int opened;

    public SmtpConnection(Session session) {
        this.session = session;
    }

    public SendResult send(MimeMessage message, InternetAddress recipient) throws TransientSendFailure {
        try {
            return attempt(message, recipient);
        } catch (TransientSendFailure dropped) {
            if (dropped.hasReply()) {
                throw dropped;
            }
            return attempt(message, recipient);
        }
    }

    private SendResult attempt(MimeMessage message, InternetAddress recipient) throws TransientSendFailure {
        try {
            if (transport == null) {
                Transport t = session.getTransport("smtp");
                t.connect();
                transport = t;
                opened++;
            }
            transport.sendMessage(message, new Address[] {recipient});
            return new SendResult.Accepted();
        } catch (MessagingException e) {
            int code = replyCode(e);
            if (code >= 500 && code < 600) {
                return new SendResult.Rejected(reply(e));
            }
            close();
            throw new TransientSendFailure(reply(e), code > 0, e);
        } catch (IllegalStateException notConnected) {
            close();
            throw new TransientSendFailure("connection lost: " + notConnected.getMessage(), false, notConnected);
        }
    }

    /** How many times a connection was opened: one per batch unless a failure dropped it. */
    public int connectionsOpened() {
        return opened;
    }

    @Override
    public void close() {
        if (transport != null) {
            try {
                transport.close();
            } catch (MessagingException ignored) {
                // The connection is gone either way.
            }
            transport = null;
        }
    }

    /** The SMTP reply code behind a failure, or 0 when there was no reply (connection lost). */
    private static int replyCode(MessagingException e) {
        for (Exception x = e; x != null; x = x instanceof MessagingException m ? m.getNextException() : null) {
            if (x instanceof SMTPAddressFailedException a) {
                return a.getReturnCode();
            }
            if (x instanceof SMTPSendFailedException s) {
                return s.getReturnCode();
            }
        }
        return 0;
    }

    private static String reply(MessagingException e) {
        for (Exception x = e; x != null; x = x instanceof MessagingException m ? m.getNextException() : null) {
            if (x instanceof SMTPAddressFailedException || x instanceof SMTPSendFailedException) {
                return HeaderValues.singleLine(String.valueOf(x.getMessage()));
            }
        }
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return HeaderValues.singleLine(e.getMessage() + (root != e ? " (" + root + ")" : ""));
    }
}
