package dev.listwire.common.links;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One link key and the keys derived from it, each for one use (HKDF-style, HMAC-SHA256 over a label):
 * the raw key still verifies the HMAC tokens sent before claims were encrypted; the derived ones encrypt
 * claims (AES-256-GCM) and make their nonces.
 */
final class LinkKey {

    static final int MIN_KEY_LENGTH = 32;

    final String id;
    /** Initialised once; every use works on a clone, so verifying is thread-safe. */
    private final Mac legacyMac;

    final byte[] sealKey;
    final byte[] nonceKey;

    LinkKey(String id, String key) {
        if (id == null || id.isBlank() || id.contains(".")) {
            throw new IllegalStateException("listwire.links key ids must be non-empty and contain no '.': " + id);
        }
        if (key == null || key.length() < MIN_KEY_LENGTH) {
            throw new IllegalStateException("listwire.links key '" + id + "' must be at least " + MIN_KEY_LENGTH
                    + " characters (set LISTWIRE_LINKS_KEY from SSM Parameter Store or the environment)");
        }
        this.id = id;
        byte[] raw = key.getBytes(StandardCharsets.UTF_8);
        this.legacyMac = hmac(raw);
        this.sealKey = derive(raw, "listwire link claims aes-256-gcm v2");
        this.nonceKey = derive(raw, "listwire link claims nonce v2");
    }

    /** HMAC-SHA256 under the raw key, as the first token format signed {@code <keyId>.<claims>}. */
    byte[] legacyMac(String signed) {
        try {
            return ((Mac) legacyMac.clone()).doFinal(signed.getBytes(StandardCharsets.UTF_8));
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("HmacSHA256 cannot be cloned", e);
        }
    }

    static byte[] hmac(byte[] key, byte[] data) {
        return hmac(key).doFinal(data);
    }

    private static byte[] derive(byte[] raw, String label) {
        return hmac(raw, label.getBytes(StandardCharsets.UTF_8));
    }

    private static Mac hmac(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
