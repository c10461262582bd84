package dev.listwire.common.links;

import java.util.Base64;

/**
 * Unpadded base64url with one string per value: {@link Base64.Decoder} also takes {@code =} padding and
 * non-zero trailing bits, so several strings would decode to the same bytes and verify as one token.
 * A string is taken only when encoding its bytes gives it back.
 */
final class Base64Url {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private Base64Url() {}

    static String encode(byte[] bytes) {
        return ENCODER.encodeToString(bytes);
    }

    /** The bytes of a canonical string; {@link IllegalArgumentException} for any other. */
    static byte[] decode(String text) {
        byte[] bytes = DECODER.decode(text);
        if (!ENCODER.encodeToString(bytes).equals(text)) {
            throw new IllegalArgumentException("not canonical unpadded base64url");
        }
        return bytes;
    }
}
