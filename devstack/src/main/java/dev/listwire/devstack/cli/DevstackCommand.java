package dev.listwire.devstack.cli;

import dev.listwire.devstack.stack.Devstack;
import dev.listwire.devstack.stack.DevstackSettings;
import dev.listwire.devstack.stack.FeedbackPolling;
import dev.listwire.devstack.stack.MailSettings;
import dev.listwire.devstack.stack.Ports;
import dev.listwire.devstack.stack.SmtpRelay;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "devstack",
        mixinStandardHelpOptions = true,
        description = {
            "Runs the whole system on this machine until Ctrl-C: SQS (ElasticMQ) on 9324, DynamoDB (dynalite) "
                    + "on 8000, SMTP/IMAP (GreenMail) on 3025/3143, the mail viewer on http://localhost:8080/mail, and every "
                    + "list under lists/ with its queue, DLQ, table and function.",
            "Tables and queued messages are kept in .devstack/ between starts; Ctrl-C returns messages not yet "
                    + "handled to their queue.",
            "With --smtp HOST:PORT, mail is sent for real through that server and not captured (no GreenMail); "
                    + "the SMTP password comes from the environment variable " + SmtpOptions.PASSWORD_VARIABLE
                    + " or --smtp-password-file, never from the command line.",
            "The feedback function reads the sending account's mailbox in GreenMail every few seconds (bounces, "
                    + "complaints: ./listwire bounce --local ADDRESS drops one there); not with --smtp."
        })
public final class DevstackCommand implements Runnable {

    @Option(
            names = "--no-demo",
            description = "Do not seed the demo members (lists/<list>/demo/members.csv) into empty tables.")
    boolean noDemo;

    @Option(
            names = "--reset",
            description = "Forget every table, queued message and the local link key before starting.")
    boolean reset;

    @Option(
            names = "--state",
            paramLabel = "DIR",
            description = "Where tables and queued messages are kept (default: .devstack in the repository).")
    Path state;

    @Option(
            names = "--feedback-every",
            paramLabel = "SECONDS",
            defaultValue = "5",
            description = "How often the feedback function reads the sending account's mailbox in GreenMail "
                    + "(default: ${DEFAULT-VALUE}; in AWS the schedule's default is every 15 minutes).")
    long feedbackEvery;

    @Mixin
    SmtpOptions smtp = new SmtpOptions();

    @Override
    public void run() {
        // The one place the environment is read: the documented way to give the SMTP password.
        Optional<SmtpRelay> relay = smtp.relay(System.getenv());
        Path stateDir = state != null ? state : Workspace.root().resolve(".devstack");
        if (reset) {
            Devstack.reset(stateDir);
        }
        if (feedbackEvery < 1) {
            throw new IllegalArgumentException("--feedback-every must be at least 1 second, not " + feedbackEvery);
        }
        MailSettings mail = relay.map(MailSettings::relaying)
                .orElseGet(() -> MailSettings.captured(
                        Optional.of(FeedbackPolling.of(Workspace.root(), Duration.ofSeconds(feedbackEvery)))));
        DevstackSettings settings =
                new DevstackSettings(Workspace.root().resolve("lists"), stateDir, Ports.configured(), !noDemo, mail);
        Devstack stack = Devstack.start(settings);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            System.out.println(
                                    "\nStopping: waiting for batches being handled, returning the rest to their queues…");
                            stack.close();
                            System.out.println("Stopped. Tables and queued messages are kept in " + stateDir + ".");
                            stopped.countDown();
                        },
                        "devstack-stop"));
        long millis = System.currentTimeMillis()
                - ManagementFactory.getRuntimeMXBean().getStartTime();
        System.out.println(Banner.of(stack, Workspace.root(), millis));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
