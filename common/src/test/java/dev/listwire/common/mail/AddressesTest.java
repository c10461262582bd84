package dev.listwire.common.mail;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AddressesTest {

    @Test
    void acceptsABareAddress() {
        assertEquals("ada@example.com", Addresses.deliverable("ada@example.com").orElseThrow().getAddress());
    }

    @Test
    void refusesWhatIsNotOneDeliverableAddress() {
        for (String bad : new String[] {
                "", "ada", "@example.com", "ada@", "ada example.com", "Ada <ada@example.com>",
                "ada@example.com, eve@example.com", "ada@example.com\r\nBcc: eve@example.com",
                "a".repeat(250) + "@example.com"}) {
            assertTrue(Addresses.deliverable(bad).isEmpty(), bad);
        }
        assertTrue(Addresses.deliverable(null).isEmpty());
    }
}
