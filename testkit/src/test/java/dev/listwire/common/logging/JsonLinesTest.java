package dev.listwire.common.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.listwire.testkit.LogCapture;
import io.micronaut.context.ApplicationContext;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonLinesTest {

    private static final String LINKS_KEY = "a-link-signing-key-of-at-least-32-characters";

    @Test
    void byDefaultAnAddressIsLoggedAsItsKeyedHashEvenInsideAnSmtpReply() {
        try (ApplicationContext context = start(Map.of("listwire.links.key", LINKS_KEY));
                LogCapture logs = new LogCapture()) {
            context.getBean(JsonLines.class)
                    .warn(
                            "recipient-skipped",
                            Map.of(
                                    "list",
                                    "prices",
                                    "recipient",
                                    "Ada@Example.com",
                                    "smtpReply",
                                    "550 5.1.1 <ada@example.com>: mailbox unavailable"));

            Map<String, Object> line = logs.lines("recipient-skipped").get(0);
            String pseudonym = new AddressPseudonyms(LINKS_KEY).of("ada@example.com");
            assertEquals(pseudonym, line.get("recipient"), "what ./listwire address-hash prints for this key");
            assertEquals("550 5.1.1 <" + pseudonym + ">: mailbox unavailable", line.get("smtpReply"));
            assertEquals("prices", line.get("list"));
            assertFalse(line.toString().toLowerCase().contains("ada@example.com"), line.toString());
        }
    }

    @Test
    void plainAddressesWhenConfigured() {
        try (ApplicationContext context =
                        start(Map.of("listwire.links.key", LINKS_KEY, "listwire.logs.plain-addresses", true));
                LogCapture logs = new LogCapture()) {
            context.getBean(JsonLines.class).info("membership-changed", Map.of("recipient", "ada@example.com"));

            assertEquals(
                    "ada@example.com", logs.lines("membership-changed").get(0).get("recipient"));
        }
    }

    @Test
    void theHashIsKeyedAndOneAddressHasOneNameWhateverItsCase() {
        AddressPseudonyms ours = new AddressPseudonyms(LINKS_KEY);
        String name = ours.of("ada@example.com");

        assertTrue(name.matches("a:[A-Za-z0-9_-]{16}"), name);
        assertEquals(name, ours.of("ADA@example.COM"));
        assertNotEquals(name, ours.of("eve@example.com"));
        assertNotEquals(
                name,
                new AddressPseudonyms("another-key-of-at-least-32-characters!!").of("ada@example.com"),
                "without the key, a guessed address cannot be confirmed");
    }

    @Test
    void aKeyOfItsOwnWinsOverTheLinkKey() {
        try (ApplicationContext context =
                start(Map.of("listwire.links.key", LINKS_KEY, "listwire.logs.pseudonym-key", "own-key"))) {
            assertEquals(
                    new AddressPseudonyms("own-key").of("ada@example.com"),
                    context.getBean(JsonLines.class).pseudonym("ada@example.com"));
        }
    }

    private static ApplicationContext start(Map<String, Object> properties) {
        return ApplicationContext.builder()
                .deduceEnvironment(false)
                .environments("test")
                .properties(properties)
                .start();
    }
}
