package dev.listwire.common.mail;

/**
 * For one email outside a list's run (the preference link, {@link SmtpConnection#send}): the email could not be
 * handed over, and the address is not known to be refused for good (a lost connection, a 4xx, the account's
 * refusal). A list's run reads the same failures as {@link SendResult.Refused} instead.
 */
public final class TransientSendFailure extends Exception {

    private final boolean reply;

    public TransientSendFailure(String reply, Throwable cause) {
        this(reply, true, cause);
    }

    /** @param reply whether the server answered (4xx); false when the connection was lost */
    public TransientSendFailure(String message, boolean reply, Throwable cause) {
        super(message, cause);
        this.reply = reply;
    }

    /** Whether the server answered, as opposed to the connection being lost. */
    public boolean hasReply() {
        return reply;
    }
}
