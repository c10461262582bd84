package dev.listwire.testkit.smtp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * The credentials of {@code AUTH PLAIN} (RFC 4616) and {@code AUTH LOGIN}, with or without an initial response,
 * read to the point where the server replies. Any password is good; the user name is what a script can refuse.
 */
final class AuthExchange {

    private static final String USERNAME_PROMPT = "334 VXNlcm5hbWU6"; // base64 "Username:"
    private static final String PASSWORD_PROMPT = "334 UGFzc3dvcmQ6"; // base64 "Password:"

    private final SmtpLines lines;

    AuthExchange(SmtpLines lines) {
        this.lines = lines;
    }

    /** The user name, or empty if the mechanism is unknown or the credentials do not decode. */
    Optional<String> user(String argument) throws IOException {
        String[] words = argument.split(" ", 2);
        String mechanism = words[0].toUpperCase(Locale.ROOT);
        Optional<String> initial = words.length > 1 ? Optional.of(words[1].trim()) : Optional.empty();
        try {
            return switch (mechanism) {
                case "PLAIN" -> plain(initial.isPresent() ? initial.get() : ask("334 "));
                case "LOGIN" -> {
                    String user = decode(initial.isPresent() ? initial.get() : ask(USERNAME_PROMPT));
                    ask(PASSWORD_PROMPT);
                    yield Optional.of(user);
                }
                default -> Optional.empty();
            };
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    /** authzid NUL authcid NUL password: the user is the authcid. */
    private static Optional<String> plain(String response) {
        String[] parts = decode(response).split("\0", -1);
        return parts.length == 3 ? Optional.of(parts[1]) : Optional.empty();
    }

    private String ask(String prompt) throws IOException {
        lines.reply(prompt);
        return lines.command().orElseThrow(() -> new IOException("connection closed during AUTH"));
    }

    private static String decode(String base64) {
        return new String(Base64.getDecoder().decode(base64.trim()), StandardCharsets.UTF_8);
    }
}
