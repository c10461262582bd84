package dev.listwire.testkit.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The server's scripted replies, as Jakarta Mail (Angus) sees them over a real socket. */
class ScriptedSmtpServerTest {

    private final ScriptedSmtpServer server = ScriptedSmtpServer.start();
    private final MailClient client = new MailClient(server);

    @AfterEach
    void close() {
        client.close();
        server.close();
    }

    @Test
    void acceptsEverythingUnscriptedAndRecordsEnvelopeMessageAndLogin() throws Exception {
        MimeMessage sent = client.send("ada@example.com", "Hello Ada\n.a line that starts with a dot\n");
        client.send("bob@example.com", "Hello Bob");

        assertEquals(2, server.accepted().size());
        Received ada = server.accepted("ADA@example.com").get(0);
        assertEquals(MailClient.USER, ada.from());
        assertEquals(List.of("ada@example.com"), ada.recipients());
        assertEquals(sent.getMessageID(), ada.messageId().orElseThrow());
        assertEquals(
                "Hello Ada\r\n.a line that starts with a dot\r\n",
                ada.mimeMessage().getContent(),
                "dot-unstuffed: the leading dot the client doubled is gone, the line's own dot kept");
        assertEquals(MailClient.USER, ada.user().orElseThrow(), "the connection logged in");
        assertEquals(1, server.connections(), "one connection reused for both");
        String ehlo = server.commands(Phase.EHLO).get(0).reply();
        assertTrue(ehlo.contains("8BITMIME") && ehlo.contains("AUTH PLAIN LOGIN"), ehlo);
        assertFalse(ehlo.contains("PIPELINING") || ehlo.contains("STARTTLS"), ehlo);
    }

    @Test
    void aScriptedRecipientRefusalReachesTheClientAsAnAddressFailureWithItsCode() throws Exception {
        server.script().at(Phase.RCPT_TO, rcpt -> rcpt.startsWith("bad"), "550 5.1.1 <bad> user unknown");

        SendFailedException failed = assertThrows(SendFailedException.class, () -> client.send("bad@example.com", "x"));
        SMTPAddressFailedException refusal =
                assertInstanceOf(SMTPAddressFailedException.class, failed.getNextException());
        assertEquals(550, refusal.getReturnCode());
        assertTrue(refusal.getMessage().contains("5.1.1"), refusal.getMessage());

        client.send("good@example.com", "the same connection goes on after the refusal");
        assertEquals(
                List.of("good@example.com"),
                server.accepted().stream().flatMap(m -> m.recipients().stream()).toList());
    }

    @Test
    void aScriptedMailFromRefusalReachesTheClientAsASendFailureWithItsCode() throws Exception {
        server.script().at(Phase.MAIL_FROM, "554 5.7.1 Sender address rejected: access denied");

        SMTPSendFailedException refusal =
                assertThrows(SMTPSendFailedException.class, () -> client.send("ada@example.com", "x"));
        assertEquals(554, refusal.getReturnCode());
        assertTrue(server.accepted().isEmpty());
        assertTrue(server.commands(Phase.RCPT_TO).isEmpty(), "the client stops at MAIL FROM");
    }

    @Test
    void afterMessagesRefusesOnceThatManyHaveBeenAccepted() throws Exception {
        server.script().afterMessages(2, Phase.MAIL_FROM, "550 5.4.5 Daily user sending quota exceeded");

        client.send("a@example.com", "1");
        client.send("b@example.com", "2");
        SMTPSendFailedException quota =
                assertThrows(SMTPSendFailedException.class, () -> client.send("c@example.com", "3"));

        assertEquals(550, quota.getReturnCode());
        assertTrue(quota.getMessage().contains("5.4.5"), quota.getMessage());
        assertEquals(2, server.accepted().size());
    }

    @Test
    void timesAnswersTheNextMatchingCommandsOnlyThenFallsThrough() throws Exception {
        server.script().times(2, Phase.RCPT_TO, "450 4.2.1 try later");

        for (int i = 0; i < 2; i++) {
            SendFailedException later =
                    assertThrows(SendFailedException.class, () -> client.send("ada@example.com", "x"));
            assertEquals(450, ((SMTPAddressFailedException) later.getNextException()).getReturnCode());
        }
        client.send("ada@example.com", "the third try");

        assertEquals(1, server.accepted("ada@example.com").size());
        assertEquals(3, server.commands(Phase.RCPT_TO).size());
    }

    @Test
    void timesWithARecipientSpendsItsCountOnlyOnThatRecipient() throws Exception {
        server.script().times(1, Phase.RCPT_TO, rcpt -> rcpt.startsWith("grey"), "451 4.7.1 greylisted, come back");

        client.send("bob@example.com", "not greylisted: does not spend the rule");
        SendFailedException later = assertThrows(SendFailedException.class, () -> client.send("grey@example.com", "1"));
        client.send("grey@example.com", "the retry");

        assertEquals(451, ((SMTPAddressFailedException) later.getNextException()).getReturnCode());
        assertEquals(1, server.accepted("grey@example.com").size());
        assertEquals(2, server.accepted().size());
    }

    @Test
    void aScriptedAuthRefusalFailsTheLogin() {
        server.script().at(Phase.AUTH, "535 5.7.8 Username and Password not accepted");

        AuthenticationFailedException refused = assertThrows(AuthenticationFailedException.class, client::connect);

        assertTrue(refused.getMessage().contains("535 5.7.8"), refused.getMessage());
        assertEquals(
                "AUTH user=" + MailClient.USER,
                server.commands(Phase.AUTH).get(0).line());
    }

    @Test
    void clearRecoversWhileTheClientStaysConnected() throws Exception {
        server.script().at(Phase.MAIL_FROM, "550 5.4.5 Daily user sending quota exceeded");
        assertThrows(SMTPSendFailedException.class, () -> client.send("ada@example.com", "x"));

        server.script().clear();
        client.send("ada@example.com", "after the recovery");

        assertEquals(1, server.accepted().size());
        assertEquals(1, server.connections(), "the same connection, told no now and yes later");
    }

    @Test
    void a421ClosesTheConnectionAfterReplying() throws Exception {
        server.script().times(1, Phase.RCPT_TO, "421 4.7.0 Try again later, closing connection");

        MessagingException closing = assertThrows(MessagingException.class, () -> client.send("ada@example.com", "x"));
        client.send("ada@example.com", "over a new connection");

        assertTrue(String.valueOf(closing.getNextException()).contains("421"), String.valueOf(closing));
        assertEquals(2, server.connections(), "RFC 5321 3.8: the server closed the first after its 421");
        assertEquals(1, server.accepted().size());
    }

    @Test
    void aGreeting421RefusesTheConnection() {
        server.script().at(Phase.GREETING, "421 4.7.0 Temporary System Problem. Try again later");

        MessagingException refused = assertThrows(MessagingException.class, client::connect);

        assertTrue(refused.getMessage().contains("421"), refused.getMessage());
        assertTrue(server.commands(Phase.EHLO).isEmpty());
    }
}
