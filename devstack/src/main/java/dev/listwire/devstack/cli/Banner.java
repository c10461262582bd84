package dev.listwire.devstack.cli;

import dev.listwire.devstack.stack.Devstack;
import dev.listwire.devstack.stack.LocalEndpoints;
import dev.listwire.devstack.stack.RunningList;
import dev.listwire.devstack.stack.SmtpRelay;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** What the devstack prints once it is ready: where everything is, and one command to try it. */
final class Banner {

    private Banner() {}

    static String of(Devstack stack, Path root, long startMillis) {
        LocalEndpoints e = stack.endpoints();
        StringBuilder b = new StringBuilder();
        b.append("\nlistwire devstack is ready (")
                .append(String.format("%.1f", startMillis / 1000.0))
                .append(" s)\n\n");
        b.append("  SQS       ").append(e.sqs()).append("   (ElasticMQ; any access key)\n");
        b.append("  DynamoDB  ").append(e.dynamoDb()).append("   (dynalite)\n");
        Optional<SmtpRelay> relay = stack.mail().relay();
        if (relay.isPresent()) {
            b.append("  SMTP      ")
                    .append(relay.get().address())
                    .append("   (")
                    .append(relay.get().describe())
                    .append(")\n");
            b.append("  Mail      ").append(relay.get().notCaptured()).append("\n");
        } else {
            b.append("  SMTP      localhost:")
                    .append(e.ports().smtp())
                    .append("  IMAP localhost:")
                    .append(e.ports().imap())
                    .append("   (GreenMail; user and password = the address)\n");
            b.append("  Mail      ").append(e.web()).append("/mail\n");
        }
        b.append("  Feedback  ").append(feedback(stack)).append("\n");
        b.append("  Prefs     ")
                .append(e.web())
                .append("/preferences   (preference center; the links in every email lead here)\n\n");
        b.append("  list                        queue URL / dead-letter queue URL\n");
        for (RunningList list : stack.lists()) {
            b.append(String.format(
                    "  %-27s %s%n  %-27s %s%n",
                    list.module().name(),
                    list.queues().queueUrl(),
                    list.demoMembersSeeded() > 0 ? "(" + list.demoMembersSeeded() + " demo members added)" : "",
                    list.queues().dlqUrl()));
        }
        example(stack)
                .ifPresent(cmd ->
                        b.append("\nSend an example event:\n\n  ").append(cmd).append(whereToSeeIt(relay, e)));
        b.append("\nCtrl-C stops; messages not yet handled go back to their queue.\n");
        return b.toString();
    }

    /** Whether bounces and complaints are read here, and if not, where they go. */
    private static String feedback(Devstack stack) {
        Optional<SmtpRelay> relay = stack.mail().relay();
        if (relay.isPresent()) {
            return "not read here: bounces and complaints go to the real mailbox of "
                    + relay.get().login().map(l -> l.user()).orElse("the sending account")
                    + ", which the devstack leaves alone";
        }
        return stack.feedback()
                .map(polling -> "polls " + LocalEndpoints.SMTP_USER + "'s INBOX every "
                        + polling.every().toSeconds()
                        + " s for bounces and complaints (drop one: ./listwire bounce --local ADDRESS)")
                .orElse("not running: bounces and complaints dropped in the mailbox wait unread");
    }

    private static String whereToSeeIt(Optional<SmtpRelay> relay, LocalEndpoints e) {
        if (relay.isEmpty()) {
            return "\n\nthen see it at " + e.web() + "/mail or with ./listwire mail --last 5\n";
        }
        // The demo members are example.com addresses (RFC 2606), which take no mail: a real server bounces them.
        return "\n\nthen look in the recipients' own mailboxes. The demo members are example.com addresses, which"
                + "\nreceive no mail (the server will bounce them): add your own address first, with"
                + "\n./listwire members add --local <list> you@your-domain\n";
    }

    private static Optional<String> example(Devstack stack) {
        return stack.lists().stream()
                .filter(l -> l.module().demoEvent().isPresent())
                .findFirst()
                .map(list -> {
                    try {
                        String json = Files.readString(list.module().demoEvent().get())
                                .replaceAll("\\s*\\n\\s*", "")
                                .trim();
                        return "./listwire send --local " + list.module().name() + " '" + json.replace("'", "'\\''")
                                + "'";
                    } catch (IOException ex) {
                        throw new UncheckedIOException(ex);
                    }
                });
    }
}
