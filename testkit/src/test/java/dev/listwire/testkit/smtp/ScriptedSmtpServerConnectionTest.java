package dev.listwire.testkit.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.MessagingException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Connections that break: dropped without a reply, never answered, and the server closed under a hung one. */
class ScriptedSmtpServerConnectionTest {

    private final ScriptedSmtpServer server = ScriptedSmtpServer.start();

    @AfterEach
    void close() {
        server.close();
    }

    @Test
    void aDropAtDataClosesTheConnectionWithoutAReplyAndNothingIsAccepted() throws Exception {
        server.script().drop(Phase.DATA);
        try (MailClient client = new MailClient(server)) {
            MessagingException lost = assertThrows(MessagingException.class, () -> client.send("ada@example.com", "x"));

            assertTrue(server.accepted().isEmpty());
            assertEquals("(dropped)", server.commands(Phase.DATA).get(0).reply());
            // Angus reports the closed socket as a send failure with no reply code: -1 and "[EOF]".
            SMTPSendFailedException noReply = assertInstanceOf(SMTPSendFailedException.class, lost);
            assertEquals(-1, noReply.getReturnCode());
            assertTrue(noReply.getMessage().contains("[EOF]"), noReply.getMessage());
        }
    }

    @Test
    void aResetAtDataAbortsTheConnectionAndTheClientReadsAReset() throws Exception {
        server.script().reset(Phase.DATA);
        try (MailClient client = new MailClient(server)) {
            MessagingException lost = assertThrows(MessagingException.class, () -> client.send("ada@example.com", "x"));

            Throwable root = rootCause(lost);
            assertInstanceOf(SocketException.class, root, String.valueOf(lost));
            assertTrue(root.getMessage().contains("reset"), root.getMessage());
            assertTrue(server.accepted().isEmpty());
            assertEquals("(reset)", server.commands(Phase.DATA).get(0).reply());
        }
    }

    @Test
    void aHangAtEndOfDataIsEndedByTheClientsTimeout() throws Exception {
        server.script().hang(Phase.END_OF_DATA);
        try (MailClient client = new MailClient(server, Duration.ofMillis(500))) {
            client.connect();
            long start = System.nanoTime();

            MessagingException timedOut =
                    assertThrows(MessagingException.class, () -> client.send("ada@example.com", "x"));

            long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(waited >= 450 && waited < 5_000, "ended by mail.smtp.timeout, after " + waited + " ms");
            assertInstanceOf(SocketTimeoutException.class, rootCause(timedOut), String.valueOf(timedOut));
            assertTrue(server.accepted().isEmpty(), "a message never answered is not accepted");
            assertEquals("(hung)", server.commands(Phase.END_OF_DATA).get(0).reply());
        }
    }

    @Test
    void acceptThenDropKeepsTheMessageButTheClientNeverHearsSo() throws Exception {
        server.script().acceptThenDrop(Phase.END_OF_DATA);
        try (MailClient client = new MailClient(server)) {
            assertThrows(MessagingException.class, () -> client.send("ada@example.com", "x"));

            assertEquals(1, server.accepted("ada@example.com").size(), "the duplicate window: the server has it");
        }
    }

    @Test
    void closeEndsAHungConversationWithoutWaitingForTheClient() throws Exception {
        server.script().hang(Phase.MAIL_FROM);
        MailClient client = new MailClient(server, Duration.ofMinutes(5));
        CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> {
            try {
                client.send("ada@example.com", "x");
            } catch (MessagingException expected) {
                throw new IllegalStateException(expected);
            }
        });
        while (server.commands(Phase.MAIL_FROM).isEmpty()) {
            Thread.sleep(10);
        }
        long start = System.nanoTime();

        server.close();

        long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(took < 1_000, "close() took " + took + " ms");
        ExecutionException ended = assertThrows(ExecutionException.class, () -> sending.get(5, TimeUnit.SECONDS));
        assertInstanceOf(IllegalStateException.class, ended.getCause(), "the client saw its connection closed");
        client.close();
    }

    private static Throwable rootCause(Throwable t) {
        Throwable root = t;
        while (true) {
            Throwable next = root instanceof MessagingException m && m.getNextException() != null
                    ? m.getNextException()
                    : root.getCause();
            if (next == null || next == root) {
                return root;
            }
            root = next;
        }
    }
}
