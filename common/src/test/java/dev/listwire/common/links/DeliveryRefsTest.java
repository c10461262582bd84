package dev.listwire.common.links;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DeliveryRefsTest {

    private static final String KEY_1 = "first-signing-key-0123456789abcdefghij";
    private static final String KEY_2 = "second-signing-key-0123456789abcdefghij";
    private static final LinkConfiguration CONFIGURATION =
            new LinkConfiguration("https://p.example", "k1", KEY_1, null);
    private static final DeliveryRef ADA = new DeliveryRef("prices", "evt-1", "ada@example.com");

    private final DeliveryRefs refs = new DeliveryRefs(CONFIGURATION);

    @Test
    void aSignedRefVerifiesToItsListEventAndEmail() {
        String token = refs.sign(ADA);

        assertEquals(ADA, refs.verify(token).orElseThrow());
        assertTrue(token.startsWith("k1."), token);
        assertTrue(token.matches("[A-Za-z0-9_.-]+"), "header-safe: " + token);
    }

    @Test
    void valuesWithDotsLineBreaksAndUnicodeComeBackAsSigned() {
        DeliveryRef odd = new DeliveryRef("a.b", "evt.1\r\nBcc: eve@example.com", "zoë.o'neil@exämple.com");

        String token = refs.sign(odd);

        assertEquals(odd, refs.verify(token).orElseThrow());
        assertTrue(token.matches("[A-Za-z0-9_.-]+"), "no value reaches the header as text: " + token);
    }

    @Test
    void refusesAlteredTruncatedFoldedAndForgedTokens() {
        String token = refs.sign(ADA);
        String[] parts = token.split("\\.");
        String eve =
                refs.sign(new DeliveryRef("prices", "evt-1", "eve@example.com")).split("\\.")[3];
        DeliveryRefs forger = new DeliveryRefs(new LinkConfiguration(null, "k1", KEY_2, null));

        for (String bad : new String[] {
            String.join(".", parts[0], parts[1], parts[2], eve, parts[4]), // another address under ada's signature
            token.substring(0, token.length() - 1), // truncated
            token + "A", // lengthened
            token.substring(0, token.lastIndexOf('.')), // signature missing
            "k9" + token.substring(2), // unknown key id
            forger.sign(ADA), // signed with another key
            token + "\r\n", // a line break after it
            token.substring(0, 20) + "\r\n " + token.substring(20), // folded
            " " + token,
            "",
            "....",
            "k1.%%%.%%%.%%%.%%%"
        }) {
            assertTrue(refs.verify(bad).isEmpty(), bad);
        }
        assertTrue(refs.verify(null).isEmpty());
    }

    @Test
    void aLinkTokenIsNotADeliveryTokenAndBack() {
        LinkSigner links = new LinkSigner(CONFIGURATION);
        String link = links.sign(LinkPurpose.UNSUBSCRIBE, "prices", "ada@example.com");
        String delivery = refs.sign(ADA);
        String[] parts = delivery.split("\\.");
        // The delivery fields and MAC rearranged into the link token's three parts.
        String reshaped = parts[0] + "." + parts[3] + "." + parts[4];

        assertTrue(refs.verify(link).isEmpty());
        assertTrue(links.verify(delivery).isEmpty());
        assertTrue(links.verify(reshaped).isEmpty());
    }

    @Test
    void refsSignedWithARetiredKeyStillVerifyAfterRotation() {
        String old = refs.sign(ADA);
        DeliveryRefs rotated = new DeliveryRefs(new LinkConfiguration(null, "k2", KEY_2, Map.of("k1", KEY_1)));

        assertEquals(ADA, rotated.verify(old).orElseThrow());
        assertTrue(rotated.sign(ADA).startsWith("k2."));
        assertTrue(refs.verify(rotated.sign(ADA)).isEmpty(), "k2 is unknown to the old configuration");
    }

    @Test
    void refusesToSignAnIncompleteRef() {
        assertThrows(IllegalArgumentException.class, () -> refs.sign(new DeliveryRef("prices", "", "ada@example.com")));
    }
}
