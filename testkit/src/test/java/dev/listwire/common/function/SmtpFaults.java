package dev.listwire.common.function;

import dev.listwire.testkit.smtp.Phase;
import dev.listwire.testkit.smtp.Response;
import dev.listwire.testkit.smtp.Script;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The faults of the SMTP fault catalogue (RELIABILITY.md, rows C1-C13), each as the scripted server's
 * script and what the fault is about: Gmail's and SES's real replies at the phase they come at.
 * {@link SmtpFaultCatalogueTest} runs a list against each.
 */
final class SmtpFaults {

    /** member1 and member10 to member19: the recipients a per-address fault is about. */
    static final Predicate<String> SOME = rcpt -> rcpt.startsWith("member1");

    private SmtpFaults() {}

    /** What a fault is about: the account or the connection, or some recipients for good, or for now. */
    enum About {
        ACCOUNT,
        ADDRESS_FOR_GOOD,
        ADDRESS_FOR_NOW
    }

    /**
     * @param code    how the server's reply starts, as logged ({@code ""}: no reply)
     * @param because the first part's {@code continuedBecause} ({@code ""}: it completes in one)
     */
    record Fault(String name, Consumer<Script> script, About about, String code, String because) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Fault> faults() {
        return Stream.of(
                new Fault(
                        "421 4.7.0 at MAIL FROM after 20",
                        s -> s.afterMessages(20, Phase.MAIL_FROM, "421 4.7.0 Try again later, closing connection."),
                        About.ACCOUNT,
                        "421",
                        "smtp-refused"),
                new Fault(
                        "421 4.7.28 at RCPT TO",
                        s -> s.at(Phase.RCPT_TO, "421 4.7.28 Gmail has detected an unusual rate of unsolicited mail."),
                        About.ACCOUNT,
                        "421",
                        "smtp-refused"),
                new Fault(
                        "450 4.2.1 at RCPT TO for some",
                        s -> s.at(
                                Phase.RCPT_TO,
                                SOME,
                                "450 4.2.1 The user you are trying to contact is receiving mail too quickly."),
                        About.ADDRESS_FOR_NOW,
                        "450",
                        "addresses-deferred"),
                new Fault(
                        "452 4.2.2 at RCPT TO for some",
                        s -> s.at(
                                Phase.RCPT_TO,
                                SOME,
                                "452 4.2.2 The email account that you tried to reach is over quota."),
                        About.ADDRESS_FOR_NOW,
                        "452",
                        "addresses-deferred"),
                new Fault(
                        "550 5.1.1 at RCPT TO for some",
                        s -> s.at(
                                Phase.RCPT_TO,
                                SOME,
                                "550 5.1.1 The email account that you tried to reach does not exist."),
                        About.ADDRESS_FOR_GOOD,
                        "550",
                        ""),
                new Fault(
                        "550 5.2.1 at RCPT TO for some",
                        s -> s.at(
                                Phase.RCPT_TO,
                                SOME,
                                "550 5.2.1 The email account that you tried to reach is disabled."),
                        About.ADDRESS_FOR_GOOD,
                        "550",
                        ""),
                new Fault(
                        "550 5.4.5 at MAIL FROM after 20",
                        s -> s.afterMessages(20, Phase.MAIL_FROM, "550 5.4.5 Daily user sending quota exceeded."),
                        About.ACCOUNT,
                        "550",
                        "smtp-refused"),
                new Fault(
                        "535 5.7.8 at AUTH",
                        s -> s.at(Phase.AUTH, "535 5.7.8 Username and Password not accepted."),
                        About.ACCOUNT,
                        "535",
                        "smtp-refused"),
                new Fault(
                        "554 5.7.1 at MAIL FROM",
                        s -> s.at(Phase.MAIL_FROM, "554 5.7.1 Sender address rejected: Access denied"),
                        About.ACCOUNT,
                        "554",
                        "smtp-refused"),
                new Fault(
                        "550 without an enhanced code at RCPT TO for everyone (the breaker)",
                        s -> s.at(Phase.RCPT_TO, "550 Requested action not taken: mailbox unavailable"),
                        About.ACCOUNT,
                        "550",
                        "smtp-refusals-in-a-row"),
                new Fault(
                        "connection reset at DATA after 20",
                        s -> s.afterMessages(20, Phase.DATA, new Response.Reset()),
                        About.ACCOUNT,
                        "",
                        "smtp-unreachable"),
                new Fault(
                        "connection closed at DATA after 20",
                        s -> s.afterMessages(20, Phase.DATA, new Response.Drop()),
                        About.ACCOUNT,
                        "",
                        "smtp-unreachable"),
                new Fault(
                        "no answer at DATA after 20",
                        s -> s.afterMessages(20, Phase.DATA, new Response.Hang()),
                        About.ACCOUNT,
                        "",
                        "smtp-unreachable"));
    }
}
