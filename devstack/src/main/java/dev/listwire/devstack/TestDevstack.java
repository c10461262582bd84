package dev.listwire.devstack;

import dev.listwire.devstack.stack.Devstack;
import dev.listwire.devstack.stack.DevstackSettings;
import dev.listwire.devstack.stack.FeedbackPolling;
import dev.listwire.devstack.stack.MailSettings;
import dev.listwire.devstack.stack.Ports;
import dev.listwire.testkit.local.Dynalite;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import picocli.CommandLine;

/**
 * A real devstack for tests: the repository's own lists (their built function.jar), on free ports, with
 * its state in a temporary folder. Also runs {@code ./listwire} commands in-process against it. In the main
 * code, not a test-jar: it drives the devstack itself (not the test kit, which cannot depend on the devstack),
 * and the producers' tests use it through their ordinary dependency on this module. It needs no JUnit.
 */
public final class TestDevstack implements AutoCloseable {

    /** The repository root (tests run in a module folder). */
    public static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    private final Devstack stack;
    private final Ports ports;

    private TestDevstack(Devstack stack, Ports ports) {
        this.stack = stack;
        this.ports = ports;
    }

    public static TestDevstack start() {
        return start(ROOT.resolve("lists"), tempDir(), freePorts());
    }

    public static TestDevstack start(Path lists, Path state, Ports ports) {
        MailSettings mail = MailSettings.captured(Optional.of(FeedbackPolling.of(ROOT, FeedbackPolling.DEFAULT_EVERY)));
        return new TestDevstack(Devstack.start(new DevstackSettings(lists, state, ports, true, mail)), ports);
    }

    public static Ports freePorts() {
        return new Ports(
                Dynalite.freePort(),
                Dynalite.freePort(),
                Dynalite.freePort(),
                Dynalite.freePort(),
                Dynalite.freePort());
    }

    public static Path tempDir() {
        try {
            return Files.createTempDirectory("listwire-devstack-test");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public Devstack stack() {
        return stack;
    }

    public Ports ports() {
        return ports;
    }

    /** What {@code ./listwire <args>} prints and returns, run against this devstack. */
    public record Run(int exitCode, String out, String err) {}

    public Run listwire(String... args) {
        System.setProperty("listwire.ports", ports.asProperty());
        System.setProperty("listwire.root", ROOT.toString());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Listwire.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    /** Waits until the mail server holds messages matching {@code wanted} for every one of {@code recipients}. */
    public List<MimeMessage> awaitMail(Predicate<MimeMessage> wanted, List<String> recipients, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            List<MimeMessage> matching =
                    stack.mail().received().stream().filter(wanted).toList();
            List<String> to = matching.stream().map(TestDevstack::recipient).toList();
            if (to.containsAll(recipients)) {
                return matching;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(
                        "mail for " + recipients + " did not arrive within " + timeout + "; got " + to);
            }
            sleep(50);
        }
    }

    public static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String recipient(MimeMessage message) {
        try {
            Address[] to = message.getAllRecipients();
            return to == null ? "" : to[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        stack.close();
    }
}
