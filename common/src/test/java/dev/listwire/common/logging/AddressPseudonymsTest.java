package dev.listwire.common.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

/** The names addresses go by in the logs: stable across builds, so that old lines can still be searched. */
class AddressPseudonymsTest {

    private static final String KEY = "first-signing-key-0123456789abcdefghij";

    @Test
    void anAddressHasTheNameAnEarlierBuildGaveItWhateverItsCase() {
        // Computed by the code released with pseudonymised logs, before its keyed hash moved to one helper.
        assertEquals("a:N7BD34-jJlmGv8Zz", new AddressPseudonyms(KEY).of("Ada@Example.com"));
        assertEquals("a:N7BD34-jJlmGv8Zz", new AddressPseudonyms(KEY).of("ada@example.com"));
    }

    @Test
    void anotherKeyGivesAnotherName() {
        assertNotEquals(
                new AddressPseudonyms(KEY).of("ada@example.com"),
                new AddressPseudonyms(KEY + "x").of("ada@example.com"));
    }
}
