package dev.listwire.common.links;

import jakarta.inject.Singleton;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * HMAC-SHA256 tokens over (purpose, list, email), with the signing key's id inside so that keys can
 * rotate without breaking links already in inboxes. Form: {@code <keyId>.<claims>.<signature>}, both
 * parts base64url. No accounts and no expiry: an unsubscribe link must work years later (RFC 8058).
 */
@Singleton
public final class LinkSigner {

    static final int MIN_KEY_LENGTH = 32;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final String activeKeyId;
    /** One initialised Mac per key id, built once; each use works on a clone, so signing is thread-safe. */
    private final Map<String, Mac> keys = new HashMap<>();

    public LinkSigner(LinkConfiguration configuration) {
        this.activeKeyId = configuration.keyId();
        addKey(configuration.keyId(), configuration.key());
        if (configuration.retiredKeys() != null) {
            configuration.retiredKeys().forEach(this::addKey);
        }
    }

    public String sign(LinkPurpose purpose, String list, String email) {
        String claims = ENCODER.encodeToString(claims(purpose, list, email).getBytes(StandardCharsets.UTF_8));
        return activeKeyId + "." + claims + "." + ENCODER.encodeToString(mac(keys.get(activeKeyId), activeKeyId, claims));
    }

    /** The token's grant, or empty when it is forged, altered, truncated or signed by an unknown key. */
    public Optional<LinkToken> verify(String token) {
        if (token == null) {
            return Optional.empty();
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3 || !keys.containsKey(parts[0])) {
            return Optional.empty();
        }
        try {
            byte[] expected = mac(keys.get(parts[0]), parts[0], parts[1]);
            if (!MessageDigest.isEqual(expected, DECODER.decode(parts[2]))) {
                return Optional.empty();
            }
            String[] fields = new String(DECODER.decode(parts[1]), StandardCharsets.UTF_8).split("\n", -1);
            LinkPurpose purpose = fields.length == 3 ? LinkPurpose.ofCode(fields[0]) : null;
            return purpose == null ? Optional.empty() : Optional.of(new LinkToken(purpose, fields[1], fields[2], parts[0]));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    /** The grant, only when the token is genuine and was signed for this purpose. */
    public Optional<LinkToken> verify(String token, LinkPurpose purpose) {
        return verify(token).filter(t -> t.purpose() == purpose);
    }

    private static String claims(LinkPurpose purpose, String list, String email) {
        if (list.contains("\n") || email.contains("\n")) {
            throw new IllegalArgumentException("a list or address with a line break cannot be signed");
        }
        return purpose.code + "\n" + list + "\n" + email;
    }

    private void addKey(String id, String key) {
        if (id == null || id.isBlank() || id.contains(".")) {
            throw new IllegalStateException("listwire.links key ids must be non-empty and contain no '.': " + id);
        }
        if (key == null || key.length() < MIN_KEY_LENGTH) {
            throw new IllegalStateException("listwire.links key '" + id + "' must be at least " + MIN_KEY_LENGTH
                    + " characters (set LISTWIRE_LINKS_KEY from SSM Parameter Store or the environment)");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            keys.put(id, mac);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static byte[] mac(Mac prototype, String keyId, String claims) {
        try {
            return ((Mac) prototype.clone()).doFinal((keyId + "." + claims).getBytes(StandardCharsets.UTF_8));
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("HmacSHA256 cannot be cloned", e);
        }
    }
}
