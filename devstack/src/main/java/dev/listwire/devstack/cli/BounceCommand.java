package dev.listwire.devstack.cli;

import dev.listwire.devstack.stack.LocalEndpoints;
import dev.listwire.devstack.stack.Ports;
import dev.listwire.feedback.reports.BounceMessages;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "bounce",
        mixinStandardHelpOptions = true,
        description = {
            "Drops a bounce (a delivery status notification, RFC 3464, as a receiving mail server writes it) for "
                    + "ADDRESS's newest list email into the sending account's mailbox on the devstack, where the "
                    + "feedback function reads it within a few seconds: a permanent bounce suppresses the address, "
                    + "so the next event skips it.",
            "Only with --local: on AWS, bounces come from the recipients' own mail servers."
        })
public final class BounceCommand extends Printing {

    static final String PERMANENT_STATUS = "5.1.1";
    static final String PERMANENT_DIAGNOSTIC = "550 5.1.1 The email account that you tried to reach does not exist";
    static final String TRANSIENT_STATUS = "4.2.2";
    static final String TRANSIENT_DIAGNOSTIC = "452 4.2.2 The recipient's inbox is out of storage space";
    /** The mail system that reports it: the devstack's own, which the sending account belongs to. */
    static final String REPORTING_MTA = "listwire.local";

    @Parameters(index = "0", paramLabel = "ADDRESS", description = "The member whose email bounces.")
    String address;

    @Option(names = "--local", description = "On the devstack on this machine (the only place this works).")
    boolean local;

    @Option(
            names = "--soft",
            description = "A transient bounce instead: a 'delayed' DSN, status " + TRANSIENT_STATUS
                    + " (mailbox full); counted, and only a few within 30 days suppress the address.")
    boolean soft;

    @Option(
            names = "--event",
            paramLabel = "ID",
            description = "Bounce the email of this event (default: ADDRESS's newest list email).")
    String eventId;

    @Override
    public void run() {
        if (!local) {
            throw new IllegalArgumentException("bounce works on the devstack only: add --local. In AWS, bounces come "
                    + "from the recipients' mail servers to the sending mailbox (or SES), and listwire makes none.");
        }
        String to = AddressArgument.of(address);
        Optional<String> event = Optional.ofNullable(eventId);
        LocalMailboxes mailboxes = new LocalMailboxes(Ports.configured());
        try {
            MimeMessage original = mailboxes
                    .newestListEmail(to, event)
                    .orElseThrow(() -> new IllegalArgumentException(to + " has no list email"
                            + event.map(id -> " of event " + id).orElse("") + " on the devstack: send one first "
                            + "(./listwire send --local LIST --example) to a list it is a member of"));
            MimeMessage dsn = soft
                    ? new BounceMessages().dsnFor(original, to, TRANSIENT_STATUS, TRANSIENT_DIAGNOSTIC, REPORTING_MTA)
                    : new BounceMessages().dsnFor(original, to, PERMANENT_STATUS, PERMANENT_DIAGNOSTIC, REPORTING_MTA);
            mailboxes.appendToSendingAccount(dsn);
            tell(to, original, dsn);
        } catch (MessagingException e) {
            throw new IllegalStateException(
                    "the devstack's mailbox (IMAP on localhost:"
                            + Ports.configured().imap() + ") refused: " + e.getMessage(),
                    e);
        }
    }

    private void tell(String to, MimeMessage original, MimeMessage dsn) throws MessagingException {
        String kind = soft
                ? "transient bounce (" + TRANSIENT_STATUS + ", delayed)"
                : "permanent bounce (" + PERMANENT_STATUS + ")";
        out().println("Dropped a " + kind + " for " + to + " into " + LocalEndpoints.SMTP_USER + "'s INBOX:");
        // The subject and ids come from a list's templates and a producer's event: shown, never obeyed.
        out().println(Terminal.line("  the email  " + original.getMessageID() + "  \"" + original.getSubject() + "\""));
        out().println(Terminal.line("  the DSN    " + dsn.getMessageID() + "  \"" + dsn.getSubject() + "\""));
        out().println("The devstack's feedback function reads it within a few seconds (every 5 s unless started "
                + "with --feedback-every). Then");
        String list = LocalMailboxes.listOf(original).orElse("LIST");
        out().println(Terminal.line("  ./listwire events --local " + list + " --recipient " + to + "   shows it"));
        if (!soft) {
            out().println("  ./listwire suppressions list --local   shows " + to
                    + " suppressed: the next event skips it");
        }
    }
}
