package dev.listwire.common.mail;

import dev.listwire.common.threads.Background;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/**
 * One authenticated SMTP connection, opened at the first email of a batch and reused for every email
 * after it. micronaut-email's sender opens a connection per email ({@code Transport.send}), which a
 * list of thousands cannot afford, so this holds the {@link Transport} itself. A connection that was
 * dropped (no SMTP reply at all) is opened again and the email tried once more before it counts as a
 * failure: servers close idle or long-lived connections, and that says nothing about the email.
 * {@link #openAhead()} logs in on a background thread while the caller still reads the list, so that the
 * first email does not wait for the connection, STARTTLS and AUTH.
 */
public final class SmtpConnection implements AutoCloseable {

    private final Session session;
    private Transport transport;
    private CompletableFuture<Transport> opening;
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

    /**
     * Starts opening the connection in the background, unless it is open or opening. A failure there is
     * the first email's failure, handled as if that email had opened the connection itself.
     */
    public void openAhead() {
        if (transport == null && opening == null) {
            opening = Background.supply(() -> {
                try {
                    return connect();
                } catch (MessagingException e) {
                    throw new CompletionException(e);
                }
            });
        }
    }

    private SendResult attempt(MimeMessage message, InternetAddress recipient) throws TransientSendFailure {
        try {
            if (transport == null) {
                transport = opening != null ? opened() : connect();
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

    private Transport connect() throws MessagingException {
        Transport t = session.getTransport("smtp");
        t.connect();
        return t;
    }

    /** The connection {@link #openAhead()} opened, or the reason it could not. */
    private Transport opened() throws MessagingException {
        CompletableFuture<Transport> ahead = opening;
        opening = null;
        return Background.await(ahead, MessagingException.class);
    }

    /** How many times a connection was opened and sent over: one per batch unless a failure dropped it. */
    public int connectionsOpened() {
        return opened;
    }

    @Override
    public void close() {
        if (opening != null) { // opened ahead and never used: closed, and not counted as a connection sent over
            try {
                transport = opened();
            } catch (MessagingException | RuntimeException neverOpened) {
                // Nothing to close.
            }
        }
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
