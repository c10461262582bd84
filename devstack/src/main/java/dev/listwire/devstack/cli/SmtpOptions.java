package dev.listwire.devstack.cli;

import dev.listwire.devstack.stack.DevstackException;
import dev.listwire.devstack.stack.SmtpRelay;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * {@code devstack --smtp HOST:PORT}: send through a real SMTP server instead of capturing mail. The password is
 * never an option (a command line is seen by every process on the machine and kept in shell history): it comes
 * from {@value #PASSWORD_VARIABLE}, or from a file.
 */
final class SmtpOptions {

    static final String PASSWORD_VARIABLE = "LISTWIRE_SMTP_PASSWORD";

    @Option(
            names = "--smtp",
            paramLabel = "HOST:PORT",
            description = "Send every email for real through this SMTP server (smtp.gmail.com:587, say) instead of "
                    + "capturing it in GreenMail. Nothing is captured then: the demo members' addresses are "
                    + "example.com ones, so add your own address to a list before sending.")
    String hostPort;

    @Option(
            names = "--smtp-starttls",
            negatable = true,
            description = "Require STARTTLS before logging in (default: on for port 587, off on other ports).")
    Boolean starttls;

    @Option(
            names = "--smtp-user",
            paramLabel = "USER",
            description = "Log in as USER (for Gmail: the address). The password is read from the environment "
                    + "variable " + PASSWORD_VARIABLE + " (for Gmail: an app password), or from --smtp-password-file.")
    String user;

    @Option(
            names = "--smtp-password-file",
            paramLabel = "FILE",
            description = "Read the SMTP password from the first line of FILE instead of " + PASSWORD_VARIABLE + ".")
    Path passwordFile;

    /** The relay these options name, or empty when there is no --smtp; refuses a half-given login. */
    Optional<SmtpRelay> relay(Map<String, String> environment) {
        if (hostPort == null) {
            if (user != null || passwordFile != null || starttls != null) {
                throw new DevstackException(
                        "--smtp-user, --smtp-password-file and --smtp-starttls need --smtp HOST:PORT");
            }
            return Optional.empty();
        }
        Optional<SmtpRelay.Login> login = Optional.empty();
        if (user != null) {
            String password = password(environment)
                    .orElseThrow(() -> new DevstackException("--smtp-user " + user + " needs a password: set "
                            + PASSWORD_VARIABLE + " or give --smtp-password-file FILE (never on the command line)"));
            login = Optional.of(new SmtpRelay.Login(user, password));
        }
        return Optional.of(SmtpRelay.of(hostPort, Optional.ofNullable(starttls), login));
    }

    private Optional<String> password(Map<String, String> environment) {
        if (passwordFile != null) {
            try {
                return Files.readAllLines(passwordFile).stream().findFirst().filter(p -> !p.isEmpty());
            } catch (IOException e) {
                throw new DevstackException("--smtp-password-file: cannot read " + passwordFile + " (" + e + ")");
            }
        }
        return Optional.ofNullable(environment.get(PASSWORD_VARIABLE)).filter(p -> !p.isEmpty());
    }
}
