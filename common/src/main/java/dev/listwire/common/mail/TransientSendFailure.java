package dev.listwire.common.mail;

/** A failure that may pass (lost connection, 4xx): the message is retried, not the recipient skipped. */
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
