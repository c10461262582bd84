package dev.listwire.common.links;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The token's wire format: sealed claims, the first format still taken, one spelling per token, expiry. */
class LinkTokenFormatTest {

    private static final String KEY_1 = "first-signing-key-0123456789abcdefghij";
    /** Made by the first format's code (HMAC over readable claims) with KEY_1: tokens like it are in inboxes. */
    private static final String FIRST_FORMAT_UNSUBSCRIBE =
            "k1.dQpwcmljZXMKYWRhQGV4YW1wbGUuY29t.KPvU8X7SJLQS4DM0vZmMlikPAgkGpdma9-gwCPirDs8";

    private static final String FIRST_FORMAT_PREFERENCES =
            "k1.cAoqCmFkYUBleGFtcGxlLmNvbQ.ZABhnHdbXZjTpTRwvqQPqEAnloTyxP4gQasIUfi5H7I";
    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    /**
     * Sealed with KEY_1 by the code released with sealed tokens, before its keyed hashes moved to one helper:
     * the keys derived from a link key must never change, or every link already emailed stops working.
     */
    private static final String SEALED_UNSUBSCRIBE =
            "k1.PgfO92Y393_eCQnC.ECJjoeER5L624hTsAdNO73UsnsT1L6fOMxsmsuD-qNJfcPhqBiMoKIbB";

    private static final String SEALED_PREFERENCES_UNTIL_7_DECEMBER =
            "k1.CtSKbJhBXEu4Mv2e.XbrqdpbAThjuXWgI60_z0QhnXevJP76H07bXSb8T4W7vlmKg1hLbbwH0ovvt2g";

    private final LinkSigner signer = signerAt(NOW, Map.of());

    @Test
    void tokensInTheFirstFormatStillVerify() {
        assertEquals(
                new LinkToken(LinkPurpose.UNSUBSCRIBE, "prices", "ada@example.com", "k1"),
                signer.verify(FIRST_FORMAT_UNSUBSCRIBE, LinkPurpose.UNSUBSCRIBE).orElseThrow());
        assertEquals(
                new LinkToken(LinkPurpose.PREFERENCES, "*", "ada@example.com", "k1"),
                signer.verify(FIRST_FORMAT_PREFERENCES, LinkPurpose.PREFERENCES).orElseThrow());
    }

    @Test
    void sealedTokensAlreadyEmailedStillOpenAndTheSameClaimsSealTheSame() {
        assertEquals(
                new LinkToken(LinkPurpose.UNSUBSCRIBE, "prices", "ada@example.com", "k1"),
                signer.verify(SEALED_UNSUBSCRIBE, LinkPurpose.UNSUBSCRIBE).orElseThrow());
        assertEquals(SEALED_UNSUBSCRIBE, signer.sign(LinkPurpose.UNSUBSCRIBE, "prices", "ada@example.com"));
        Instant expires = Instant.parse("2026-12-07T12:00:00Z");
        assertEquals(
                "ada@example.com",
                signer.verify(SEALED_PREFERENCES_UNTIL_7_DECEMBER, LinkPurpose.PREFERENCES)
                        .orElseThrow()
                        .email());
        assertEquals(
                SEALED_PREFERENCES_UNTIL_7_DECEMBER,
                signer.sign(LinkPurpose.PREFERENCES, "*", "ada@example.com", expires));
    }

    @Test
    void aNewTokenDoesNotShowTheAddressOrTheList() {
        String token = signer.sign(LinkPurpose.UNSUBSCRIBE, "prices", "ada@example.com");

        assertTrue(token.startsWith("k1."), "the key id stays outside, in clear: " + token);
        for (String part : token.split("\\.")) {
            String decoded = new String(Base64.getUrlDecoder().decode(part), StandardCharsets.ISO_8859_1);
            assertFalse(decoded.contains("ada") || decoded.contains("example") || decoded.contains("prices"), part);
        }
        assertEquals("ada@example.com", signer.verify(token).orElseThrow().email());
    }

    @Test
    void theKeyIdIsAuthenticatedEvenWhereTwoIdsHoldTheSameKey() {
        LinkSigner both =
                signerAt(NOW, Map.of("k0", KEY_1)); // k0 retired, the same secret: only the AAD tells them apart
        String token = both.sign(LinkPurpose.UNSUBSCRIBE, "prices", "ada@example.com");

        assertTrue(both.verify(token).isPresent());
        assertTrue(both.verify("k0" + token.substring(2)).isEmpty());
    }

    @Test
    void everyOtherSpellingOfAGenuineTokenIsRefused() {
        List<String> genuine = new ArrayList<>(List.of(FIRST_FORMAT_UNSUBSCRIBE));
        for (String email : new String[] {"a@example.com", "ab@example.com", "abc@example.com"}) {
            genuine.add(signer.sign(LinkPurpose.UNSUBSCRIBE, "prices", email));
        }
        int spellings = 0;
        for (String token : genuine) {
            assertTrue(signer.verify(token).isPresent(), token);
            for (String other : otherSpellings(token)) {
                assertTrue(signer.verify(other).isEmpty(), other + " is another spelling of " + token);
                spellings++;
            }
        }
        assertTrue(
                spellings >= 6,
                "padded and trailing-bit spellings were tried: " + spellings); // 6 for these four tokens
    }

    @Test
    void anExpiringLinkWorksUntilItsTimeAndNotAfter() {
        String token = signer.sign(LinkPurpose.PREFERENCES, "*", "ada@example.com", NOW.plus(Duration.ofDays(7)));

        assertEquals(
                Optional.of(NOW.plus(Duration.ofDays(7))),
                signer.verify(token).orElseThrow().expires());
        assertTrue(signerAt(NOW.plus(Duration.ofDays(7)).minusSeconds(1), Map.of())
                .verify(token)
                .isPresent());
        assertTrue(
                signerAt(NOW.plus(Duration.ofDays(7)), Map.of()).verify(token).isEmpty());
    }

    @Test
    void aLinkWithoutExpiryWorksYearsLater() {
        String token = signer.sign(LinkPurpose.UNSUBSCRIBE, "prices", "ada@example.com");

        assertTrue(signerAt(NOW.plus(Duration.ofDays(3650)), Map.of())
                .verify(token)
                .isPresent());
        assertTrue(signerAt(NOW.plus(Duration.ofDays(3650)), Map.of())
                .verify(FIRST_FORMAT_UNSUBSCRIBE)
                .isPresent());
    }

    /** The same bytes spelled with padding, or with the unused low bits of the last character set. */
    private static List<String> otherSpellings(String token) {
        String[] parts = token.split("\\.");
        List<String> others = new ArrayList<>();
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i];
            List<String> variants = new ArrayList<>(List.of(part + "=", part + "=="));
            if (part.length() % 4 != 0) {
                String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
                int last = alphabet.indexOf(part.charAt(part.length() - 1));
                variants.add(part.substring(0, part.length() - 1) + alphabet.charAt(last ^ 1));
            }
            for (String variant : variants) {
                if (decodesTo(variant, part)) { // Java's own decoder takes it: only the canonical check refuses it
                    String[] copy = parts.clone();
                    copy[i] = variant;
                    others.add(String.join(".", copy));
                }
            }
        }
        return others;
    }

    private static boolean decodesTo(String variant, String part) {
        try {
            assertArrayEquals(
                    Base64.getUrlDecoder().decode(part), Base64.getUrlDecoder().decode(variant));
            return true;
        } catch (IllegalArgumentException wrongPadding) {
            return false;
        }
    }

    private static LinkSigner signerAt(Instant now, Map<String, String> retired) {
        return new LinkSigner(
                new LinkConfiguration("https://p.example", "k1", KEY_1, retired), Clock.fixed(now, ZoneOffset.UTC));
    }
}
