package dev.listwire.common.mail;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The {@code Message-ID} of an email is a function of (list, event, recipient): a resend after a crash
 * carries the same id, and mail systems that de-duplicate by it show the email once.
 */
public final class MessageIds {

    /** One digest per thread: looking one up from the providers costs more than hashing an id's few bytes. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(MessageIds::sha256);

    private MessageIds() {}

    public static String of(String list, String eventId, String recipient, String domain) {
        // digest() hashes and resets: the thread's digest is ready for the next id.
        byte[] digest =
                SHA_256.get().digest((list + "\n" + eventId + "\n" + recipient).getBytes(StandardCharsets.UTF_8));
        return "<" + HexFormat.of().formatHex(digest, 0, 16) + "." + list + "@" + domain + ">";
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
