package dev.listwire.devstack.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code --smtp HOST:PORT} read as a person means it, and refused in one line when it cannot be. */
class SmtpRelayTest {

    private static final Optional<SmtpRelay.Login> GMAIL_LOGIN =
            Optional.of(new SmtpRelay.Login("me@gmail.com", "abcd efgh ijkl mnop"));

    @Test
    void requiresStarttlsOnTheSubmissionPortUnlessToldOtherwise() {
        assertTrue(SmtpRelay.of("smtp.gmail.com:587", Optional.empty(), GMAIL_LOGIN)
                .starttls());
        assertFalse(SmtpRelay.of("smtp.gmail.com:587", Optional.of(false), GMAIL_LOGIN)
                .starttls());
        assertFalse(SmtpRelay.of("127.0.0.1:2525", Optional.empty(), Optional.empty())
                .starttls());
        assertTrue(SmtpRelay.of("127.0.0.1:2525", Optional.of(true), Optional.empty())
                .starttls());
    }

    @Test
    void refusesAMalformedHostPortInOneLine() {
        for (String bad : List.of(
                "smtp.gmail.com",
                "smtp.gmail.com:",
                ":587",
                "smtp.gmail.com:0",
                "smtp.gmail.com:70000",
                "smtp.gmail.com:smtp",
                "smtp gmail.com:587",
                "-x:25",
                "")) {
            DevstackException refused = assertThrows(
                    DevstackException.class, () -> SmtpRelay.of(bad, Optional.empty(), Optional.empty()), bad);
            assertEquals(
                    "--smtp wants HOST:PORT (for example smtp.gmail.com:587), not '" + bad + "'", refused.getMessage());
        }
    }

    @Test
    void pointsTheFunctionsAtTheServerWithTheLoginAndAnIpv6AddressUnbracketed() {
        Map<String, Object> gmail = SmtpRelay.of("smtp.gmail.com:587", Optional.empty(), GMAIL_LOGIN)
                .functionProperties();
        assertEquals("smtp.gmail.com", gmail.get("listwire.smtp.host"));
        assertEquals(587, gmail.get("listwire.smtp.port"));
        assertEquals(true, gmail.get("listwire.smtp.starttls"));
        assertEquals(true, gmail.get("listwire.smtp.auth"));
        assertEquals("me@gmail.com", gmail.get("listwire.smtp.username"));
        assertEquals("abcd efgh ijkl mnop", gmail.get("listwire.smtp.password"));

        Map<String, Object> local =
                SmtpRelay.of("[::1]:2525", Optional.empty(), Optional.empty()).functionProperties();
        assertEquals("::1", local.get("listwire.smtp.host"));
        assertEquals(false, local.get("listwire.smtp.auth"), "no user: no AUTH");
    }

    @Test
    void neverPrintsThePassword() {
        SmtpRelay relay = SmtpRelay.of("smtp.gmail.com:587", Optional.empty(), GMAIL_LOGIN);

        assertFalse(relay.toString().contains("abcd"), relay.toString());
        assertEquals("STARTTLS, AUTH as me@gmail.com", relay.describe());
    }
}
