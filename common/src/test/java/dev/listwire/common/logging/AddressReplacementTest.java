package dev.listwire.common.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** How a log line's text loses every copy of its recipient's address, whatever the case. */
class AddressReplacementTest {

    @Test
    void everyCopyInAnyCaseIsReplacedAndTheRestIsKept() {
        assertEquals(
                "550 <a:x> and a:x.; a:x",
                JsonLines.replaced(
                        "550 <Ada@Example.com> and ada@example.COM.; ADA@EXAMPLE.COM", "ada@example.com", "a:x"));
    }

    @Test
    void copiesSideBySideAndRegexCharactersAreLiteral() {
        assertEquals("a:xa:x", JsonLines.replaced("a+b@x.ioA+B@X.IO", "a+b@x.io", "a:x"));
        assertEquals("a.b@x.io stays", JsonLines.replaced("a.b@x.io stays", "a*b@x.io", "$1"));
        assertEquals("$1 \\", JsonLines.replaced("a*b@x.io \\", "a*b@x.io", "$1"));
    }

    @Test
    void textWithoutTheAddressIsReturnedAsItIs() {
        String text = "250 2.0.0 OK";
        assertSame(text, JsonLines.replaced(text, "ada@example.com", "a:x"));
        assertEquals("", JsonLines.replaced("", "ada@example.com", "a:x"));
    }
}
