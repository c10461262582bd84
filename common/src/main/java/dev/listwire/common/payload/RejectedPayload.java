package dev.listwire.common.payload;

/** A message body that can never be sent: it goes to the DLQ at once, with this reason. */
public final class RejectedPayload extends Exception {
    public RejectedPayload(String reason) {
        super(reason);
    }
}
