package dev.listwire.common.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class MessageIdsTest {

    @Test
    void theSameListEventAndRecipientGiveTheSameIdOnAnyThreadAndCall() throws Exception {
        String id = MessageIds.of("prices", "e-1", "ada@example.com", "lists.example.com");
        MessageIds.of("prices", "e-1", "bob@example.com", "lists.example.com"); // the thread's digest used between

        assertEquals(id, MessageIds.of("prices", "e-1", "ada@example.com", "lists.example.com"));
        assertEquals(
                id,
                CompletableFuture.supplyAsync(
                                () -> MessageIds.of("prices", "e-1", "ada@example.com", "lists.example.com"))
                        .get());
        assertTrue(id.matches("<[0-9a-f]{32}\\.prices@lists\\.example\\.com>"), id);
    }

    @Test
    void anotherRecipientOrEventGetsAnotherId() {
        String id = MessageIds.of("prices", "e-1", "ada@example.com", "lists.example.com");

        assertNotEquals(id, MessageIds.of("prices", "e-1", "bob@example.com", "lists.example.com"));
        assertNotEquals(id, MessageIds.of("prices", "e-2", "ada@example.com", "lists.example.com"));
    }
}
