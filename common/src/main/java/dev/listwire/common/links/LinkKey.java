package dev.listwire.common.links;

import dev.listwire.common.crypto.HmacSha256;
import java.nio.charset.StandardCharsets;
import javax.crypto.spec.SecretKeySpec;

/**
 * One link key and the keys derived from it, each for one use (HKDF-style, HMAC-SHA256 over a label):
 * the raw key still verifies the HMAC tokens sent before claims were encrypted; the derived ones encrypt
 * claims (AES-256-GCM) and make their nonces; one signs the {@code X-Listwire-Delivery} header
 * ({@link DeliveryRefs}), so that no link token verifies as a delivery token and back.
 */
final class LinkKey {

    static final int MIN_KEY_LENGTH = 32;

    final String id;
    private final HmacSha256 legacyMac;

    final SecretKeySpec sealKey;
    final HmacSha256 nonceKey;
    /** What binds a sealed token to this key's id: {@code v2.<keyId>}, the associated data. */
    final byte[] associatedData;
    /** Signs {@code X-Listwire-Delivery} tokens: a key of its own, so that no link MAC is a delivery MAC. */
    final HmacSha256 deliveryMac;

    LinkKey(String id, String key) {
        if (id == null || id.isBlank() || id.contains(".")) {
            throw new IllegalStateException("listwire.links key ids must be non-empty and contain no '.': " + id);
        }
        if (key == null || key.length() < MIN_KEY_LENGTH) {
            throw new IllegalStateException("listwire.links key '" + id + "' must be at least " + MIN_KEY_LENGTH
                    + " characters (set LISTWIRE_LINKS_KEY from SSM Parameter Store or the environment)");
        }
        this.id = id;
        this.legacyMac = new HmacSha256(key.getBytes(StandardCharsets.UTF_8));
        this.sealKey = new SecretKeySpec(legacyMac.of("listwire link claims aes-256-gcm v2"), "AES");
        this.nonceKey = legacyMac.derive("listwire link claims nonce v2");
        this.associatedData = ("v2." + id).getBytes(StandardCharsets.UTF_8);
        this.deliveryMac = legacyMac.derive("listwire delivery ref v1");
    }

    /** HMAC-SHA256 under the raw key, as the first token format signed {@code <keyId>.<claims>}. */
    byte[] legacyMac(String signed) {
        return legacyMac.of(signed);
    }
}
