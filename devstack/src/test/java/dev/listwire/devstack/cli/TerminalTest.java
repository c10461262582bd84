package dev.listwire.devstack.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TerminalTest {

    @Test
    void escapeSequencesAndOtherControlCharactersAreShownNotObeyed() {
        assertEquals("\\x1b[2J\\x1b]0;pwned\\x07 \\u009b31m", Terminal.line("\u001b[2J\u001b]0;pwned\u0007 \u009b31m"));
        assertEquals("a\\x0d\\x0ab\\x7f", Terminal.line("a\r\nb\u007f"), "one value stays on one line");
        assertEquals("evil\\u202etxt.exe", Terminal.line("evil\u202etxt.exe"), "no bidi override");
    }

    @Test
    void aBodyKeepsItsLinesAndTabsAndItsLetters() {
        assertEquals(
                "Price:\t250 €\nÜber \\x1b[1mbold\\x1b[0m\\x0d",
                Terminal.text("Price:\t250 €\nÜber \u001b[1mbold\u001b[0m\r"));
        assertEquals("", Terminal.line(null));
    }

    @Test
    void anEmailsCrlfLineEndsPrintAsLineEndsButALoneCarriageReturnIsShown() {
        assertEquals("Hello Ada,\n\nNVDA moved.\n", Terminal.text("Hello Ada,\r\n\r\nNVDA moved.\r\n"));
        assertEquals("paid\\x0dunpaid\n", Terminal.text("paid\runpaid\r\n"), "a lone CR would overwrite the line");
    }
}
