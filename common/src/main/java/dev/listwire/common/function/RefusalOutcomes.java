package dev.listwire.common.function;

import dev.listwire.common.mail.SmtpPhase;
import dev.listwire.common.mail.SmtpReply;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What each SMTP refusal in one run means for its member and for the event, by what the server's reply is
 * about ({@code ReplyClass}): the address for good (refused for the event, and suppressed), the address for
 * now (deferred to a later pass, a bounded number of times), or the account or the connection (a
 * {@link Halt}: nobody more is recorded, every claim not known sent is given back, and the event resumes
 * later, before the member that met it). The emails in flight hand it their refusals, oldest first.
 */
final class RefusalOutcomes {

    /**
     * The account or the connection stopped the event: it resumes after {@code after} in {@code delaySeconds}.
     *
     * @param deferrals how many runs in a row ended so, this one included
     */
    record Halt(PauseReason reason, SmtpReply reply, Optional<String> after, int deferrals, int delaySeconds) {}

    private final EventReport report;
    private final RecipientLines lines;
    private final RunRefusals refusals;
    private final List<Instant> sendsNotMade = new ArrayList<>();
    private Optional<Halt> halt = Optional.empty();
    private boolean sentAny;
    private boolean deferredAny;
    private int unclearInARow;

    RefusalOutcomes(EventReport report, RecipientLines lines, RunRefusals refusals) {
        this.report = report;
        this.lines = lines;
        this.refusals = refusals;
    }

    /**
     * An email the server accepted: the account works (a halt later in this run is the first in a row), and
     * a run of unclear refusals is broken.
     */
    void accepted() {
        sentAny = true;
        unclearInARow = 0;
    }

    /**
     * Ends the claim of a member whose email the server refused, by what the reply is about; {@code countedAt}
     * is where the send it took from the account is counted, given back if the email was not made.
     */
    void refused(ClaimsAhead.Turn turn, SmtpReply reply, Instant countedAt) {
        if (halt.isPresent()) {
            // After the account's refusal every other refusal may be its echo: nobody is recorded.
            turn.giveBack();
            notMade(reply, countedAt);
            return;
        }
        switch (reply.verdict()) {
            case ADDRESS_PERMANENT -> {
                unclearInARow = 0;
                refusedForGood(turn, reply);
            }
            case ADDRESS_UNCLEAR -> {
                // Not recorded for good until the breaker has had its say: if it trips, nothing was lost.
                if (++unclearInARow >= refusals.configuration().breaker()) {
                    halt(turn, reply, PauseReason.SMTP_REFUSALS_IN_A_ROW);
                    notMade(reply, countedAt);
                } else {
                    refusedForNow(turn, reply);
                }
            }
            case ADDRESS_TRANSIENT -> refusedForNow(turn, reply);
            case ACCOUNT -> {
                halt(turn, reply, reply.answered() ? PauseReason.SMTP_REFUSED : PauseReason.SMTP_UNREACHABLE);
                notMade(reply, countedAt);
            }
        }
    }

    /** Why, and from where, the event must resume later, once the account or the connection refused. */
    Optional<Halt> halt() {
        return halt;
    }

    /** Whether a member was refused for now in this run: a later pass over the segment tries it again. */
    boolean deferredAny() {
        return deferredAny;
    }

    /**
     * The sends taken from the account for emails the server refused for the account, or that never left
     * (each as its {@link SendGate#countedAt()}): not made, so the account gets them back. An email whose
     * connection was lost after it was handed over is not among them: it may have arrived.
     */
    List<Instant> sendsNotMade() {
        return List.copyOf(sendsNotMade);
    }

    /** How long after a pass the members it deferred are tried again. */
    int retryPassDelaySeconds() {
        return refusals.configuration().addressRetrySeconds();
    }

    /** A refusal the server said, or a connection never made, sent nothing: its send goes back to the account. */
    private void notMade(SmtpReply reply, Instant countedAt) {
        if (reply.answered() || reply.phase() == SmtpPhase.CONNECT) {
            sendsNotMade.add(countedAt);
        }
    }

    /** The one place a member is recorded refused for good (the ledger keeps the event from it). */
    private void refusedForGood(ClaimsAhead.Turn turn, SmtpReply reply) {
        turn.refused(reply.text());
        report.skipped(SkipReason.REJECTED);
        lines.warn(
                "recipient-skipped",
                turn.member(),
                Map.of("reason", SkipReason.REJECTED.logName(), "smtpReply", reply.text()));
        // Refused for good: in the ledger for this event above, on the suppression list for every list here.
        refusals.suppress().refused(turn.member(), reply);
    }

    /** Deferred to a later pass, or, at the last try, recorded with its last reply. */
    private void refusedForNow(ClaimsAhead.Turn turn, SmtpReply reply) {
        int tries = turn.triesSoFar() + 1;
        if (tries >= refusals.configuration().addressTries()) {
            turn.gaveUp(reply.text(), tries);
            report.skipped(SkipReason.DEFERRED_TOO_OFTEN);
            lines.warn(
                    "recipient-skipped",
                    turn.member(),
                    Map.of(
                            "reason",
                            SkipReason.DEFERRED_TOO_OFTEN.logName(),
                            "smtpReply",
                            reply.text(),
                            "tries",
                            tries));
            return;
        }
        turn.deferred(reply.text(), tries);
        report.deferred();
        deferredAny = true;
        lines.warn("recipient-deferred", turn.member(), Map.of("smtpReply", reply.text(), "tries", tries));
    }

    /** Stops the event before this member: its claim is given back, and so is every later one not sent. */
    private void halt(ClaimsAhead.Turn turn, SmtpReply reply, PauseReason reason) {
        turn.giveBack();
        int deferrals = (sentAny ? 0 : refusals.deferralsBefore()) + 1;
        int delay = refusals.configuration().deferralSeconds(deferrals);
        halt = Optional.of(new Halt(reason, reply, turn.before(), deferrals, delay));
        lines.warn(
                "sending-deferred",
                turn.member(),
                Map.of(
                        "reason",
                        reason.logName(),
                        "smtpReply",
                        reply.text(),
                        "smtpPhase",
                        reply.phase().name(),
                        "deferralsInARow",
                        deferrals,
                        "resumesAt",
                        Instant.now().plusSeconds(delay).toString()));
    }
}
