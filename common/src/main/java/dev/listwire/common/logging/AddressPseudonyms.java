package dev.listwire.common.logging;

import dev.listwire.common.crypto.HmacSha256;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;

/**
 * The name an address goes by in the logs: {@code a:} and 16 base64url characters of HMAC-SHA256 under a key
 * derived from the given one, so a line can be found by address ({@code ./listwire address-hash}) but
 * nobody reading the logs without the key learns or confirms an address (an unkeyed hash would: addresses
 * are easy to guess). Case does not matter: {@code Ada@Example.com} and {@code ada@example.com} are one.
 */
public final class AddressPseudonyms {

    private static final String LABEL = "listwire log pseudonyms v1";
    private final HmacSha256 hmac;

    public AddressPseudonyms(String key) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("a pseudonym key is required");
        }
        this.hmac = new HmacSha256(key).derive(LABEL);
    }

    public String of(String address) {
        byte[] digest = hmac.of(address.toLowerCase(Locale.ROOT));
        return "a:" + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 12));
    }
}
