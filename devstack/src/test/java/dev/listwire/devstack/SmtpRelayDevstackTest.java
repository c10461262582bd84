package dev.listwire.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.listwire.devstack.stack.Ports;
import dev.listwire.testkit.smtp.Phase;
import dev.listwire.testkit.smtp.Received;
import dev.listwire.testkit.smtp.ScriptedSmtpServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./listwire devstack --smtp HOST:PORT}, run as a person runs it (its own JVM, the password in the
 * environment), sending to a {@link ScriptedSmtpServer} that stands in for Gmail: real SMTP with AUTH, no TLS.
 */
class SmtpRelayDevstackTest {

    private static final String USER = "me@gmail.test";
    private static final String PASSWORD = "app-password-never-printed";

    @Test
    void sendsTheDemoEventThroughTheServerWithAuthAndSaysMailIsNotCaptured(@TempDir Path state) throws Exception {
        Ports ports = TestDevstack.freePorts();
        try (ScriptedSmtpServer gmail = ScriptedSmtpServer.start();
                ChildListwire devstack = ChildListwire.start(
                        ports,
                        java.util.Map.of("LISTWIRE_SMTP_PASSWORD", PASSWORD),
                        "devstack",
                        "--state",
                        state.toString(),
                        "--smtp",
                        "127.0.0.1:" + gmail.port(),
                        "--smtp-user",
                        USER)) {
            String banner = devstack.awaitOutput("Ctrl-C stops", Duration.ofSeconds(120));
            assertTrue(
                    banner.contains(
                            "Mail is NOT being captured: every email is sent for real to 127.0.0.1:" + gmail.port()),
                    banner);
            assertTrue(banner.contains("(no TLS, AUTH as " + USER + ")"), banner);
            assertFalse(banner.contains("GreenMail") || banner.contains(PASSWORD), banner);
            assertTrue(
                    banner.contains(
                            "Feedback  not read here: bounces and complaints go to the real mailbox of " + USER),
                    banner);

            TestDevstack.Run sent = inProcess(ports, "send", "--local", "stock-movement-alerts", "--example");
            assertEquals(0, sent.exitCode(), sent.err());

            // The example is NVDA: Ada and Grace want it; Linus follows only TSLA, Margaret left.
            assertTrue(gmail.awaitAccepted(2, Duration.ofSeconds(60)), "accepted: " + gmail.accepted());
            Set<String> to = gmail.accepted().stream()
                    .flatMap(m -> m.recipients().stream())
                    .collect(Collectors.toSet());
            assertEquals(Set.of("ada@example.com", "grace@example.com"), to);
            assertEquals(
                    List.of(USER, USER),
                    gmail.accepted().stream()
                            .map(m -> m.user().orElse("(no AUTH)"))
                            .toList(),
                    "every email went over a connection that logged in");
            assertTrue(
                    gmail.commands(Phase.AUTH).stream().allMatch(c -> c.reply().startsWith("235")));
            assertTrue(gmail.accepted().stream().map(Received::text).noneMatch(t -> t.contains(PASSWORD)));

            String viewer = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://localhost:" + ports.http() + "/mail"))
                                    .build(),
                            BodyHandlers.ofString())
                    .body();
            assertTrue(viewer.contains("Mail is NOT being captured"), viewer);
            assertFalse(viewer.contains("No mail yet"), viewer);
            TestDevstack.Run mail = inProcess(ports, "mail");
            assertEquals(0, mail.exitCode(), mail.err());
            assertTrue(
                    mail.out()
                            .startsWith("Mail is NOT being captured: every email is sent for real to 127.0.0.1:"
                                    + gmail.port()),
                    mail.out());
        }
    }

    @Test
    void refusesAUserWithoutAPasswordInOneLine(@TempDir Path state) throws Exception {
        try (ChildListwire devstack = ChildListwire.start(
                TestDevstack.freePorts(),
                java.util.Map.of(),
                "devstack",
                "--state",
                state.toString(),
                "--smtp",
                "smtp.gmail.com:587",
                "--smtp-user",
                USER)) {
            ChildListwire.Exit exit = devstack.awaitExit(Duration.ofSeconds(60));

            assertEquals(1, exit.code(), exit.output());
            assertEquals(
                    List.of("error: --smtp-user " + USER + " needs a password: set LISTWIRE_SMTP_PASSWORD or give "
                            + "--smtp-password-file FILE (never on the command line)"),
                    exit.output().lines().toList());
        }
    }

    @Test
    void refusesAMalformedHostPortInOneLine(@TempDir Path state) throws Exception {
        try (ChildListwire devstack = ChildListwire.start(
                TestDevstack.freePorts(),
                java.util.Map.of(),
                "devstack",
                "--state",
                state.toString(),
                "--smtp",
                "smtp.gmail.com")) {
            ChildListwire.Exit exit = devstack.awaitExit(Duration.ofSeconds(60));

            assertEquals(1, exit.code(), exit.output());
            assertEquals(
                    List.of("error: --smtp wants HOST:PORT (for example smtp.gmail.com:587), not 'smtp.gmail.com'"),
                    exit.output().lines().toList());
        }
    }

    /** {@code ./listwire ARGS} in this JVM against the child's devstack, as TestDevstack runs it. */
    private static TestDevstack.Run inProcess(Ports ports, String... args) {
        System.setProperty("listwire.ports", ports.asProperty());
        System.setProperty("listwire.root", TestDevstack.ROOT.toString());
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        picocli.CommandLine cli = Listwire.commandLine();
        cli.setOut(new java.io.PrintWriter(out, true));
        cli.setErr(new java.io.PrintWriter(err, true));
        return new TestDevstack.Run(cli.execute(args), out.toString(), err.toString());
    }
}
