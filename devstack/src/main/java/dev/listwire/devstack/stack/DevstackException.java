package dev.listwire.devstack.stack;

/** A reason the devstack cannot start that the person running it can fix; printed without a stack trace. */
public final class DevstackException extends RuntimeException {

    public DevstackException(String message) {
        super(message);
    }

    public DevstackException(String message, Throwable cause) {
        super(message, cause);
    }
}
