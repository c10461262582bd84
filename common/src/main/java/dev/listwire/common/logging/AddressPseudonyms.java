package dev.listwire.common.logging;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The name an address goes by in the logs: {@code a:} and 16 base64url characters of HMAC-SHA256 under a key
 * derived from the given one, so a line can be found by address ({@code ./listwire address-hash}) but
 * nobody reading the logs without the key learns or confirms an address (an unkeyed hash would: addresses
 * are easy to guess). Case does not matter: {@code Ada@Example.com} and {@code ada@example.com} are one.
 */
public final class AddressPseudonyms {

    private static final byte[] LABEL = "listwire log pseudonyms v1".getBytes(StandardCharsets.UTF_8);
    private final Mac prototype;

    public AddressPseudonyms(String key) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("a pseudonym key is required");
        }
        this.prototype = hmac(hmac(key.getBytes(StandardCharsets.UTF_8)).doFinal(LABEL));
    }

    public String of(String address) {
        try {
            byte[] digest = ((Mac) prototype.clone())
                    .doFinal(address.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return "a:" + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 12));
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("HmacSHA256 cannot be cloned", e);
        }
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
