package dev.listwire.common.links;

import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@code X-Listwire-Delivery} header every list email carries: (list, event, member) signed with the links
 * key, so that a bounce or complaint that quotes the email's headers names its delivery, and a forged report
 * cannot name another address. The token is {@code <keyId>.<list>.<eventId>.<email>.<hmac>}, each field
 * canonical base64url ({@link Base64Url}) so that no value can break the header or another field, and the HMAC
 * under a key derived for this use alone ({@link LinkKey#deliveryMac}): a link token never verifies here, nor a
 * delivery token as a link. The current key signs; retired keys still verify, as for links.
 */
@Singleton
public final class DeliveryRefs {

    /** Only what {@link #sign} writes: base64url and dots. Anything else (CR, LF, spaces, a fold) is refused. */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_.-]{1,2000}");

    private final LinkKeys keys;

    public DeliveryRefs(LinkConfiguration configuration) {
        this.keys = new LinkKeys(configuration);
    }

    public String sign(DeliveryRef ref) {
        if (ref.list().isEmpty() || ref.eventId().isEmpty() || ref.email().isEmpty()) {
            throw new IllegalArgumentException("a delivery ref needs a list, an event and an address: " + ref);
        }
        String signed =
                keys.active.id + "." + field(ref.list()) + "." + field(ref.eventId()) + "." + field(ref.email());
        return signed + "." + Base64Url.encode(keys.active.deliveryMac.of(signed));
    }

    /** The ref, or empty when the value is forged, altered, truncated, folded or signed by an unknown key. */
    public Optional<DeliveryRef> verify(String headerValue) {
        if (headerValue == null || !TOKEN.matcher(headerValue).matches()) {
            return Optional.empty();
        }
        String[] parts = headerValue.split("\\.", -1);
        Optional<LinkKey> key = parts.length == 5 ? keys.byId(parts[0]) : Optional.empty();
        if (key.isEmpty()) {
            return Optional.empty();
        }
        String signed = headerValue.substring(0, headerValue.lastIndexOf('.'));
        try {
            byte[] mac = Base64Url.decode(parts[4]);
            if (!MessageDigest.isEqual(key.get().deliveryMac.of(signed), mac)) {
                return Optional.empty();
            }
            return Optional.of(new DeliveryRef(text(parts[1]), text(parts[2]), text(parts[3])));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    private static String field(String value) {
        return Base64Url.encode(value.getBytes(StandardCharsets.UTF_8));
    }

    private static String text(String field) {
        return new String(Base64Url.decode(field), StandardCharsets.UTF_8);
    }
}
