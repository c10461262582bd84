package dev.listwire.common.function;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * What a continuation's signature binds: the list, the event, the producer's body (by its SHA-256) and
 * where the event goes on, so that a genuine continuation cannot be moved to another list, event or body.
 *
 * @param list     the list whose function wrote it
 * @param eventId  the event it continues
 * @param bodyHash the base64url SHA-256 of the message body
 * @param position where the next part starts
 */
record SignedContinuation(String list, String eventId, String bodyHash, Continuation position) {

    static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    static final Base64.Decoder UNB64 = Base64.getUrlDecoder();

    /**
     * The fields, each base64url where it may hold any character, joined by spaces, then base64url. The
     * two about SMTP refusals are appended only when they say something, so that a plain continuation is
     * written exactly as earlier builds wrote it, and theirs still verify.
     */
    String encoded() {
        String fields = String.join(
                " ",
                text(list),
                text(eventId),
                bodyHash,
                String.valueOf(position.segment()),
                String.valueOf(position.segments()),
                text(position.after().orElse("")));
        if (position.deferrals() > 0 || position.addressesDeferred()) {
            fields += " " + position.deferrals() + " " + (position.addressesDeferred() ? "1" : "0");
        }
        return text(fields);
    }

    /** The fields of a token whose signature was checked; empty when they do not parse. */
    static Optional<SignedContinuation> decoded(String encoded) {
        String[] f = untext(encoded).split(" ", -1);
        if (f.length != 6 && f.length != 8) {
            return Optional.empty();
        }
        try {
            String after = untext(f[5]);
            Continuation position = new Continuation(
                    Integer.parseInt(f[3]),
                    Integer.parseInt(f[4]),
                    after.isEmpty() ? Optional.empty() : Optional.of(after),
                    f.length == 8 ? Integer.parseInt(f[6]) : 0,
                    f.length == 8 && f[7].equals("1"));
            return Optional.of(new SignedContinuation(untext(f[0]), untext(f[1]), f[2], position));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    private static String text(String value) {
        return B64.encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

    private static String untext(String value) {
        return new String(UNB64.decode(value), StandardCharsets.UTF_8);
    }
}
