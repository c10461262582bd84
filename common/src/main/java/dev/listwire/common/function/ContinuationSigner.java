package dev.listwire.common.function;

import dev.listwire.common.crypto.HmacSha256;
import dev.listwire.common.links.LinkConfiguration;
import jakarta.inject.Singleton;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Signs and verifies the {@code listwire-continuation} attribute: HMAC-SHA256 over the continuation's
 * fields, with the signing key's id inside. Its key is derived from the links key,
 * HMAC(linksKey, {@value #DERIVATION}), so that no continuation's signature verifies as a link and no
 * link's as a continuation, with no second secret to deploy. Retired link keys still verify, so a key
 * rotation does not send the continuations already on the queue to the DLQ.
 */
@Singleton
final class ContinuationSigner {

    static final String DERIVATION = "listwire-continuation-v1";

    private final String activeKeyId;
    /** One derived key per key id, built once. */
    private final Map<String, HmacSha256> keys = new HashMap<>();

    ContinuationSigner(LinkConfiguration links) {
        this.activeKeyId = links.keyId();
        keys.put(links.keyId(), derived(links.key()));
        if (links.retiredKeys() != null) {
            links.retiredKeys().forEach((id, key) -> keys.put(id, derived(key)));
        }
    }

    /** {@code <keyId>.<fields>.<signature>}, the last two base64url. */
    String sign(SignedContinuation continuation) {
        String fields = continuation.encoded();
        return activeKeyId + "." + fields + "." + SignedContinuation.B64.encodeToString(mac(activeKeyId, fields));
    }

    /** The continuation, or empty when the token is forged, altered, truncated or signed by an unknown key. */
    Optional<SignedContinuation> verify(String token) {
        String[] parts = token == null ? new String[0] : token.split("\\.", -1);
        if (parts.length != 3 || !keys.containsKey(parts[0])) {
            return Optional.empty();
        }
        try {
            byte[] signature = SignedContinuation.UNB64.decode(parts[2]);
            if (!MessageDigest.isEqual(mac(parts[0], parts[1]), signature)) {
                return Optional.empty();
            }
            return SignedContinuation.decoded(parts[1]);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    private byte[] mac(String keyId, String fields) {
        return keys.get(keyId).of(keyId + "." + fields);
    }

    /** HMAC(linksKey, DERIVATION): a key of its own, for continuations only. */
    private static HmacSha256 derived(String linksKey) {
        if (linksKey == null || linksKey.isEmpty()) {
            throw new IllegalStateException("listwire.links.key is required: it also signs continuations");
        }
        return new HmacSha256(linksKey).derive(DERIVATION);
    }
}
