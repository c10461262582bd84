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

    private MessageIds() {}

    public static String of(String list, String eventId, String recipient, String domain) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((list + "\n" + eventId + "\n" + recipient).getBytes(StandardCharsets.UTF_8));
            return "<" + HexFormat.of().formatHex(digest, 0, 16) + "." + list + "@" + domain + ">";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
