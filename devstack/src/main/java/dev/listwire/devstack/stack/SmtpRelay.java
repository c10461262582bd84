package dev.listwire.devstack.stack;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real SMTP server the devstack sends through instead of capturing mail in GreenMail
 * ({@code ./listwire devstack --smtp HOST:PORT}): Gmail with an app password, or a test server.
 *
 * @param host     the server's name or address
 * @param port     its submission port (587 for Gmail)
 * @param starttls whether STARTTLS is required before logging in
 * @param login    the user and password, or empty to send without AUTH
 */
public record SmtpRelay(String host, int port, boolean starttls, Optional<Login> login) {

    /** The port on which submission starts in plain text and STARTTLS is expected (RFC 6409). */
    public static final int SUBMISSION = 587;

    private static final Pattern HOST_PORT =
            Pattern.compile("(\\[[0-9A-Fa-f:.]+]|[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?):([0-9]{1,5})");

    /** An SMTP login; the password never appears in {@link #toString()}. */
    public record Login(String user, String password) {
        @Override
        public String toString() {
            return "Login[user=" + user + ", password=(hidden)]";
        }
    }

    /**
     * The relay {@code --smtp HOST:PORT} names, STARTTLS required unless {@code starttls} says otherwise on any
     * port but 587; refuses a malformed address in one line.
     */
    public static SmtpRelay of(String hostPort, Optional<Boolean> starttls, Optional<Login> login) {
        Matcher m = HOST_PORT.matcher(hostPort.trim());
        int port = m.matches() ? Integer.parseInt(m.group(3)) : 0;
        if (port < 1 || port > 65_535) {
            throw new DevstackException(
                    "--smtp wants HOST:PORT (for example smtp.gmail.com:587), not '" + hostPort + "'");
        }
        return new SmtpRelay(m.group(1), port, starttls.orElse(port == SUBMISSION), login);
    }

    public String address() {
        return host + ":" + port;
    }

    /** How the relay is reached, in a few words for the banner: "STARTTLS, AUTH as ada@gmail.com". */
    public String describe() {
        return (starttls ? "STARTTLS" : "no TLS") + ", "
                + login.map(l -> "AUTH as " + l.user()).orElse("no AUTH");
    }

    /** Said by the banner, the mail viewer and {@code ./listwire mail} alike: nobody waits for mail in vain. */
    public String notCaptured() {
        return "Mail is NOT being captured: every email is sent for real to " + address()
                + ". The mail viewer and ./listwire mail show none of it.";
    }

    /**
     * The properties that point a list function (and the preference center's link emails) at this server, in
     * place of the devstack's GreenMail ones.
     */
    public Map<String, Object> functionProperties() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("listwire.smtp.host", host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
        p.put("listwire.smtp.port", port);
        p.put("listwire.smtp.starttls", starttls);
        p.put("listwire.smtp.auth", login.isPresent());
        p.put("listwire.smtp.username", login.map(Login::user).orElse(""));
        p.put("listwire.smtp.password", login.map(Login::password).orElse(""));
        return p;
    }
}
