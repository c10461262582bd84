package dev.listwire.common.links;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LinkSignerTest {

    private static final String KEY_1 = "first-signing-key-0123456789abcdefghij";
    private static final String KEY_2 = "second-signing-key-0123456789abcdefghij";
    private final LinkSigner signer = new LinkSigner(new LinkConfiguration("https://p.example", "k1", KEY_1, null));

    @Test
    void aSignedTokenGrantsItsPurposeListAndEmail() {
        String token = signer.sign(LinkPurpose.UNSUBSCRIBE, "prices", "ada@example.com");

        assertEquals(
                new LinkToken(LinkPurpose.UNSUBSCRIBE, "prices", "ada@example.com", "k1"),
                signer.verify(token, LinkPurpose.UNSUBSCRIBE).orElseThrow());
    }

    @Test
    void theSameClaimsSealedTwiceInARowGiveTheSameTokenAndBothOpen() {
        // The synthetic nonce repeats with the claims; a reused GCM cipher would refuse the second sealing.
        String first = signer.sign(LinkPurpose.UNSUBSCRIBE, "prices", "ada@example.com");
        String second = signer.sign(LinkPurpose.UNSUBSCRIBE, "prices", "ada@example.com");
        String other = signer.sign(LinkPurpose.UNSUBSCRIBE, "prices", "bob@example.com");

        assertEquals(first, second);
        char[] altered = first.toCharArray();
        int inTag = first.length() - 5;
        altered[inTag] = altered[inTag] == 'A' ? 'B' : 'A';
        assertTrue(signer.verify(new String(altered)).isEmpty(), "a wrong tag, refused by the opening cipher");
        assertEquals("ada@example.com", signer.verify(second).orElseThrow().email());
        assertEquals("bob@example.com", signer.verify(other).orElseThrow().email());
    }

    @Test
    void refusesATokenForAnotherPurpose() {
        String token = signer.sign(LinkPurpose.PREFERENCES, "*", "ada@example.com");

        assertTrue(signer.verify(token, LinkPurpose.UNSUBSCRIBE).isEmpty());
    }

    @Test
    void refusesAlteredTruncatedAndForgedTokens() {
        String token = signer.sign(LinkPurpose.UNSUBSCRIBE, "prices", "ada@example.com");
        String[] parts = token.split("\\.");
        String otherClaims = signer.sign(LinkPurpose.UNSUBSCRIBE, "prices", "eve@example.com")
                .split("\\.")[1];
        LinkSigner forger = new LinkSigner(new LinkConfiguration("https://p.example", "k1", KEY_2, null));

        for (String bad : new String[] {
            parts[0] + "." + otherClaims + "." + parts[2], // another address under ada's signature
            token.substring(0, token.length() - 1), // truncated
            token + "A", // lengthened
            parts[0] + "." + parts[1], // signature missing
            "k9." + parts[1] + "." + parts[2], // unknown key id
            forger.sign(LinkPurpose.UNSUBSCRIBE, "prices", "ada@example.com"), // signed with another key
            "",
            "...",
            "not-a-token",
            "k1.%%%.%%%"
        }) {
            assertTrue(signer.verify(bad).isEmpty(), bad);
        }
    }

    @Test
    void linksSignedWithARetiredKeyStillWorkAfterRotation() {
        String old = signer.sign(LinkPurpose.UNSUBSCRIBE, "prices", "ada@example.com");
        LinkSigner rotated =
                new LinkSigner(new LinkConfiguration("https://p.example", "k2", KEY_2, Map.of("k1", KEY_1)));

        assertEquals(
                "ada@example.com",
                rotated.verify(old, LinkPurpose.UNSUBSCRIBE).orElseThrow().email());
        assertEquals(
                "k2",
                rotated.verify(rotated.sign(LinkPurpose.UNSUBSCRIBE, "prices", "ada@example.com"))
                        .orElseThrow()
                        .keyId());
    }

    @Test
    void refusesAShortKey() {
        IllegalStateException e = assertThrows(
                IllegalStateException.class,
                () -> new LinkSigner(new LinkConfiguration("https://p.example", "k1", "short", null)));
        assertTrue(e.getMessage().contains("at least 32"));
    }

    @Test
    void linksAreHttpsUnderTheBaseUrl() {
        Links links = new Links(new LinkConfiguration("https://prefs.example.com/", "k1", KEY_1, null), signer);

        assertTrue(
                links.unsubscribe("prices", "ada@example.com").startsWith("https://prefs.example.com/unsubscribe/k1."));
        assertTrue(links.preferences("ada@example.com").startsWith("https://prefs.example.com/preferences/k1."));
        assertThrows(
                IllegalStateException.class,
                () -> new Links(new LinkConfiguration("http://prefs.example.com", "k1", KEY_1, null), signer));
    }

    @Test
    void linksUnderAGivenBaseUrlAreCheckedAsTheConfiguredOnes() {
        Links links = new Links("https://abc123.lambda-url.us-east-1.on.aws/", signer);

        assertTrue(links.preferences("ada@example.com")
                .startsWith("https://abc123.lambda-url.us-east-1.on.aws/preferences/k1."));
        assertTrue(
                new Links("http://localhost:8080", signer)
                        .preferences("ada@example.com")
                        .startsWith("http://localhost:8080/preferences/k1."),
                "plain HTTP on this machine, for the devstack");
        assertThrows(IllegalStateException.class, () -> new Links("http://prefs.example.com", signer));
        IllegalStateException missing = assertThrows(
                IllegalStateException.class, () -> new Links(new LinkConfiguration(null, "k1", KEY_1, null), signer));
        assertTrue(missing.getMessage().contains("listwire.links.base-url is required"), missing.getMessage());
    }
}
