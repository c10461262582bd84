package dev.listwire.common.links;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.util.Arrays;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * The token format since claims were encrypted: {@code <keyId>.<nonce>.<ciphertext+tag>}, AES-256-GCM under
 * a key derived from the link key, with {@code v2.<keyId>} as associated data, so the key id travels in
 * clear yet cannot be swapped. The nonce is synthetic (an HMAC of the claims, as in SIV): the same claims
 * give the same token, and two different claims share a nonce only by a 96-bit collision.
 */
final class SealedClaims {

    static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    /**
     * One cipher per thread and direction, initialised anew for each token: getting a cipher from the
     * providers and expanding its key cost more than sealing a link's few bytes, and a list's run seals
     * two links for every email.
     */
    private static final ThreadLocal<Cipher> SEALING = ThreadLocal.withInitial(SealedClaims::newCipher);

    private static final ThreadLocal<Cipher> OPENING = ThreadLocal.withInitial(SealedClaims::newCipher);

    private SealedClaims() {}

    static String seal(LinkKey key, String claims) {
        byte[] plain = claims.getBytes(StandardCharsets.UTF_8);
        byte[] nonce = Arrays.copyOf(key.nonceKey.of(plain), NONCE_BYTES);
        try {
            byte[] sealed = cipher(Cipher.ENCRYPT_MODE, key, nonce).doFinal(plain);
            return key.id + "." + Base64Url.encode(nonce) + "." + Base64Url.encode(sealed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** The claims, or empty when the parts were not sealed by this key or were altered. */
    static Optional<String> open(LinkKey key, String nonce, String sealed) {
        try {
            byte[] iv = Base64Url.decode(nonce);
            if (iv.length != NONCE_BYTES) {
                return Optional.empty();
            }
            byte[] plain = cipher(Cipher.DECRYPT_MODE, key, iv).doFinal(Base64Url.decode(sealed));
            return Optional.of(new String(plain, StandardCharsets.UTF_8));
        } catch (GeneralSecurityException | IllegalArgumentException refused) {
            return Optional.empty(); // a wrong tag, a ciphertext shorter than the tag, text that is not base64url
        }
    }

    private static Cipher cipher(int mode, LinkKey key, byte[] nonce) throws GeneralSecurityException {
        Cipher cipher = (mode == Cipher.ENCRYPT_MODE ? SEALING : OPENING).get();
        GCMParameterSpec spec = new GCMParameterSpec(TAG_BITS, nonce);
        try {
            cipher.init(mode, key.sealKey, spec);
        } catch (InvalidAlgorithmParameterException sameNonceAsLast) {
            // A GCM cipher refuses to encrypt twice in a row under one key and nonce. The nonce is synthetic:
            // the same claims again, whose token is the same. A cipher of its own seals them.
            cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(mode, key.sealKey, spec);
        }
        cipher.updateAAD(key.associatedData);
        return cipher;
    }

    private static Cipher newCipher() {
        try {
            return Cipher.getInstance(TRANSFORMATION);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }
}
