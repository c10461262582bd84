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
}
