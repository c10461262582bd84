package dev.listwire.common.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.listwire.common.links.LinkConfiguration;
import dev.listwire.common.links.LinkPurpose;
import dev.listwire.common.links.LinkSigner;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** The continuation attribute's own signature: its key is derived from the links key, never the key itself. */
class ContinuationSignerTest {

    private static final String KEY_1 = "first-signing-key-0123456789abcdefghij";
    private static final String KEY_2 = "second-signing-key-0123456789abcdefghij";
    private static final LinkConfiguration LINKS = new LinkConfiguration("https://p.example", "k1", KEY_1, null);
    private static final SignedContinuation PART = new SignedContinuation(
            "prices", "event 42\u00e9", "aGFzaA", new Continuation(2, 4, Optional.of("ada lovelace@example.com")));

    /** Signed with KEY_1 before the keyed hashes moved to one helper: continuations on a queue at deploy time. */
    private static final String SIGNED_BEFORE =
            "k1.Y0hKcFkyVnogWlhabGJuUWdORExEcVEgYUdGemFBIDIgNCBZV1JoSUd4dmRtVnNZV05sUUdWNFlXMXdiR1V1WTI5dA"
                    + ".5kfo2S_SKof_RTHMvk-mC2vL35pYdr6x_Y56w3PePZs";

    private final ContinuationSigner signer = new ContinuationSigner(LINKS);

    @Test
    void aContinuationSignedByAnEarlierBuildStillVerifiesAndSignsTheSame() {
        assertEquals(PART, signer.verify(SIGNED_BEFORE).orElseThrow());
        assertEquals(SIGNED_BEFORE, signer.sign(PART));
    }

    @Test
    void aSignedContinuationVerifiesWithEveryField() {
        assertEquals(PART, signer.verify(signer.sign(PART)).orElseThrow());
        SignedContinuation start = new SignedContinuation("prices", "e1", "aGFzaA", Continuation.WHOLE_LIST);
        assertEquals(start, signer.verify(signer.sign(start)).orElseThrow());
    }

    @Test
    void theDeferralsInARowAndTheDeferredMembersAreSignedWithThePosition() {
        SignedContinuation deferred = new SignedContinuation(
                "prices", "e1", "aGFzaA", new Continuation(1, 2, Optional.of("ada@example.com"), 3, true));
        String token = signer.sign(deferred);
        assertEquals(deferred, signer.verify(token).orElseThrow());

        SignedContinuation fewer = new SignedContinuation(
                "prices", "e1", "aGFzaA", new Continuation(1, 2, Optional.of("ada@example.com"), 0, true));
        String[] parts = token.split("\\.");
        String[] others = signer.sign(fewer).split("\\.");
        assertTrue(
                signer.verify(parts[0] + "." + others[1] + "." + parts[2]).isEmpty(),
                "a reset count of deferrals under the signature of a higher one is refused");
    }

    @Test
    void aLinkTokenIsNotAContinuationAndAContinuationIsNotALink() {
        LinkSigner links = new LinkSigner(LINKS);
        String link = links.sign(LinkPurpose.UNSUBSCRIBE, "prices", "ada@example.com");
        String continuation = signer.sign(PART);

        assertTrue(signer.verify(link).isEmpty(), "a link's signature does not verify as a continuation");
        assertTrue(links.verify(continuation).isEmpty(), "a continuation's signature does not verify as a link");
    }

    @Test
    void aContinuationSignedWithTheLinksKeyItselfIsRefused() throws Exception {
        String[] parts = signer.sign(PART).split("\\.");
        Mac linksMac = Mac.getInstance("HmacSHA256");
        linksMac.init(new SecretKeySpec(KEY_1.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String withLinksKey = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(linksMac.doFinal((parts[0] + "." + parts[1]).getBytes(StandardCharsets.UTF_8)));

        assertTrue(signer.verify(parts[0] + "." + parts[1] + "." + withLinksKey).isEmpty());
    }

    @Test
    void refusesAlteredTruncatedAndForgedContinuations() {
        String token = signer.sign(PART);
        String[] parts = token.split("\\.");
        SignedContinuation later = new SignedContinuation(
                "prices", PART.eventId(), PART.bodyHash(), new Continuation(2, 4, Optional.of("zed@example.com")));
        String otherFields = signer.sign(later).split("\\.")[1];
        ContinuationSigner forger = new ContinuationSigner(new LinkConfiguration(null, "k1", KEY_2, null));

        for (String bad : new String[] {
            parts[0] + "." + otherFields + "." + parts[2], // another position under this signature
            token.substring(0, token.length() - 1), // truncated
            token + "A", // lengthened
            parts[0] + "." + parts[1], // signature missing
            "k9." + parts[1] + "." + parts[2], // unknown key id
            forger.sign(PART), // signed under another links key
            "k1.c2tpcA.AAAA",
            "",
            "...",
            "k1.%%%.%%%"
        }) {
            assertTrue(signer.verify(bad).isEmpty(), bad);
        }
        assertTrue(signer.verify(null).isEmpty());
    }

    @Test
    void continuationsSignedBeforeAKeyRotationStillVerify() {
        String before = signer.sign(PART);
        ContinuationSigner rotated =
                new ContinuationSigner(new LinkConfiguration(null, "k2", KEY_2, Map.of("k1", KEY_1)));

        assertEquals(PART, rotated.verify(before).orElseThrow());
        assertTrue(rotated.sign(PART).startsWith("k2."));
    }
}
