package dev.listwire.common.links;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Tokens over (purpose, list, email, optional expiry), with the key's id in clear so that keys can rotate
 * without breaking links already in inboxes. New tokens are sealed ({@link SealedClaims}: the address is
 * not readable in the link); tokens of the first format, {@code <keyId>.<claims>.<hmac>} with the claims
 * in readable base64url, still verify, because they are in inboxes for years. Every part must be
 * canonical base64url ({@link Base64Url}), so one token has one spelling.
 */
@Singleton
public final class LinkSigner {

    private static final String NEVER = "-";

    private final LinkKeys keys;
    private final Clock clock;

    @Inject
    public LinkSigner(LinkConfiguration configuration) {
        this(configuration, Clock.systemUTC());
    }

    LinkSigner(LinkConfiguration configuration, Clock clock) {
        this.clock = clock;
        this.keys = new LinkKeys(configuration);
    }

    /** A token that does not expire: the links every list email carries. */
    public String sign(LinkPurpose purpose, String list, String email) {
        return SealedClaims.seal(keys.active, claims(purpose, list, email, NEVER));
    }

    /** A token refused after {@code expires}: the preferences link the "email me a link" form sends. */
    public String sign(LinkPurpose purpose, String list, String email, Instant expires) {
        return SealedClaims.seal(keys.active, claims(purpose, list, email, Long.toString(expires.getEpochSecond())));
    }

    /** The token's grant, or empty when it is forged, altered, truncated, expired or signed by an unknown key. */
    public Optional<LinkToken> verify(String token) {
        String[] parts = token == null ? new String[0] : token.split("\\.", -1);
        Optional<LinkKey> known = parts.length == 3 ? keys.byId(parts[0]) : Optional.empty();
        if (known.isEmpty()) {
            return Optional.empty();
        }
        LinkKey key = known.get();
        return SealedClaims.open(key, parts[1], parts[2])
                .or(() -> legacy(key, parts))
                .flatMap(claims -> grant(claims, key.id))
                .filter(grant -> grant.expires().map(clock.instant()::isBefore).orElse(true));
    }

    /** The grant, only when the token is genuine and was signed for this purpose. */
    public Optional<LinkToken> verify(String token, LinkPurpose purpose) {
        return verify(token).filter(t -> t.purpose() == purpose);
    }

    /** The first format's claims, {@code purpose \n list \n email}, when its HMAC is right. */
    private static Optional<String> legacy(LinkKey key, String[] parts) {
        try {
            byte[] signature = Base64Url.decode(parts[2]);
            if (!MessageDigest.isEqual(key.legacyMac(parts[0] + "." + parts[1]), signature)) {
                return Optional.empty();
            }
            return Optional.of(new String(Base64Url.decode(parts[1]), StandardCharsets.UTF_8) + "\n" + NEVER);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    private static Optional<LinkToken> grant(String claims, String keyId) {
        String[] fields = claims.split("\n", -1);
        LinkPurpose purpose = fields.length == 4 ? LinkPurpose.ofCode(fields[0]) : null;
        if (purpose == null) {
            return Optional.empty();
        }
        try {
            Optional<Instant> expires = NEVER.equals(fields[3])
                    ? Optional.empty()
                    : Optional.of(Instant.ofEpochSecond(Long.parseLong(fields[3])));
            return Optional.of(new LinkToken(purpose, fields[1], fields[2], keyId, expires));
        } catch (NumberFormatException sealedButMalformed) {
            return Optional.empty();
        }
    }

    private static String claims(LinkPurpose purpose, String list, String email, String expires) {
        if (list.contains("\n") || email.contains("\n")) {
            throw new IllegalArgumentException("a list or address with a line break cannot be signed");
        }
        return purpose.code + "\n" + list + "\n" + email + "\n" + expires;
    }
}
