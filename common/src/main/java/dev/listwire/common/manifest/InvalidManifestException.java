package dev.listwire.common.manifest;

/** A list manifest that cannot be read or breaks a rule; the message names every problem. */
public final class InvalidManifestException extends RuntimeException {
    public InvalidManifestException(String message, Throwable cause) {
        super(message, cause);
    }
}
