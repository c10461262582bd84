package dev.listwire.common.mail;

/** A failure that may pass (lost connection, 4xx): the message is retried, not the recipient skipped. */
public final class TransientSendFailure extends Exception {
    public TransientSendFailure(String reply, Throwable cause) {
        super(reply, cause);
    }
}
