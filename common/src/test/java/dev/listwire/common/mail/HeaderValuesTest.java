package dev.listwire.common.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HeaderValuesTest {

    @Test
    void turnsEveryLineBreakAndControlCharacterIntoASpace() {
        assertEquals("AAPL Bcc: x@evil.example", HeaderValues.singleLine("AAPL\r\nBcc: x@evil.example"));
        assertEquals("a b c d", HeaderValues.singleLine("a\nb\rc\u0000\u2028d"));
        assertEquals("plain", HeaderValues.singleLine("  plain \t"));
    }

    @Test
    void delNelTheSeparatorsAndRunsOfSpacesBecomeOneSpaceAndOtherTextStaysAsItIs() {
        assertEquals("a b", HeaderValues.singleLine("a\u007fb"));
        assertEquals("a b", HeaderValues.singleLine("a\u0085b"));
        assertEquals("a b", HeaderValues.singleLine("a\u2029b"));
        assertEquals("a b", HeaderValues.singleLine("a\u001fb"));
        assertEquals("a b", HeaderValues.singleLine("a   b"));
        assertEquals("a b", HeaderValues.singleLine("a \t\r\n b"));
        assertEquals("Prix: 12 € – AT&T", HeaderValues.singleLine(" Prix: 12 € – AT&T "));
    }
}
