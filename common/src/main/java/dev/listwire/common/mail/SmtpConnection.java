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

/**
 * One authenticated SMTP connection, opened at the first email of a batch and reused for every email
 * after it. micronaut-email's sender opens a connection per email ({@code Transport.send}), which a
 * list of thousands cannot afford, so this holds the {@link Transport} itself. A connection that was
 * dropped (no SMTP reply at all) is opened again and the email tried once more before it counts as a
 * failure: servers close idle or long-lived connections, and that says nothing about the email. A server
 * that stopped answering (a timeout) is not waited for twice: a second timeout would only double the time
 * lost, which near the end of an invocation is more than the continue margin leaves.
 * {@link #openAhead()} logs in on a background thread while the caller still reads the list, so that the
 * first email does not wait for the connection, STARTTLS and AUTH.
 */
public final class SmtpConnection implements AutoCloseable {

    private final Session session;
    private Transport transport;
    private CompletableFuture<Transport> opening;
    private int opened;
    /** Whether the last attempt ended in a timeout (connect or read), not a closed or reset connection. */
    private boolean timedOut;

    public SmtpConnection(Session session) {
        this.session = session;
    }

    /**
     * Sends one email to one recipient, for a caller that sends one email (the preference link): the address
     * refused for good is {@link SendResult.Rejected}; any other failure, the account's or the connection's
     * or one that may pass, is thrown.
     */
    public SendResult send(MimeMessage message, InternetAddress recipient) throws TransientSendFailure {
        SendResult result = deliver(message, recipient);
        if (result instanceof SendResult.Refused refused) {
            SmtpReply reply = refused.reply();
            if (reply.verdict() == ReplyClass.ADDRESS_PERMANENT) {
                return new SendResult.Rejected(reply.text());
            }
            throw new TransientSendFailure(reply.text(), reply.answered(), null);
        }
        return result;
    }

    /**
     * Sends one email to one recipient: {@link SendResult.Accepted} or {@link SendResult.Refused} with the
     * reply, never thrown. A connection that gave no reply at all is opened again and the email tried once
     * more; after a refusal that is the account's or the connection's, the connection is closed, so that
     * the next email logs in afresh.
     */
    public SendResult deliver(MimeMessage message, InternetAddress recipient) {
        SendResult first = attempt(message, recipient);
        if (first instanceof SendResult.Refused refused && !refused.reply().answered() && !timedOut) {
            return attempt(message, recipient);
        }
        return first;
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

    private SendResult attempt(MimeMessage message, InternetAddress recipient) {
        timedOut = false;
        if (transport == null) {
            try {
                transport = opening != null ? opened() : connect();
                opened++;
            } catch (MessagingException e) {
                close();
                timedOut = SmtpFailures.timedOut(e);
                return new SendResult.Refused(SmtpFailures.read(e, true));
            }
        }
        try {
            transport.sendMessage(message, new Address[] {recipient});
            return new SendResult.Accepted();
        } catch (MessagingException e) {
            SmtpReply reply = SmtpFailures.read(e, false);
            timedOut = SmtpFailures.timedOut(e);
            if (reply.verdict() == ReplyClass.ACCOUNT) {
                close();
            }
            return new SendResult.Refused(reply);
        } catch (IllegalStateException notConnected) {
            close();
            return new SendResult.Refused(
                    SmtpReply.none(SmtpPhase.UNKNOWN, "connection lost: " + notConnected.getMessage()));
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
}
