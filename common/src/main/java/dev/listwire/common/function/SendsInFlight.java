package dev.listwire.common.function;

import dev.listwire.common.mail.SendResult;
import dev.listwire.common.mail.SmtpPhase;
import dev.listwire.common.mail.SmtpPool;
import dev.listwire.common.mail.SmtpReply;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The emails of one event on their way over the batch's SMTP pool: with several connections up to that
 * many are in flight. Their outcomes are recorded here, on the caller's thread, oldest first, each ending
 * its member's claim, by what the server's reply is about ({@code ReplyClass}): the address for good
 * (refused for the event), the address for now (deferred to a later pass, a bounded number of times), or
 * the account or the connection (a {@link Halt}: nobody more is recorded, every claim not known sent is
 * given back, and the event resumes later, before the member that met it).
 */
final class SendsInFlight {

    /**
     * The account or the connection stopped the event: it resumes after {@code after} in {@code delaySeconds}.
     *
     * @param deferrals how many runs in a row ended so, this one included
     */
    record Halt(PauseReason reason, SmtpReply reply, Optional<String> after, int deferrals, int delaySeconds) {}

    /** One email on the wire, and where the send it took from the account is counted. */
    private record Sending(ClaimsAhead.Turn turn, CompletableFuture<SendResult> result, Instant countedAt) {}

    private final SmtpPool smtp;
    private final EventReport report;
    private final RecipientLines lines;
    private final RunRefusals refusals;
    private final Deque<Sending> inFlight = new ArrayDeque<>();
    private final List<Instant> sendsNotMade = new ArrayList<>();
    private Optional<String> failure = Optional.empty();
    private Optional<Halt> halt = Optional.empty();
    private boolean sentAny;
    private boolean deferredAny;
    private int unclearInARow;

    SendsInFlight(Invocation invocation, EventReport report, RecipientLines lines, RunRefusals refusals) {
        this.smtp = invocation.smtp();
        this.report = report;
        this.lines = lines;
        this.refusals = refusals;
    }

    /**
     * Sends one member's email (paced by the {@link SendGate}, whose send counted at {@code countedAt} it
     * uses); when the pool is full, waits for the oldest.
     */
    void send(ClaimsAhead.Turn turn, MimeMessage message, InternetAddress to, Instant countedAt) {
        CompletableFuture<SendResult> result = smtp.send(message, to);
        turn.onTheWire();
        inFlight.add(new Sending(turn, result, countedAt));
        while (inFlight.size() >= smtp.size()) {
            settle(inFlight.remove());
        }
    }

    /** Waits for every email in flight and records it. */
    void drain() {
        while (!inFlight.isEmpty()) {
            settle(inFlight.remove());
        }
    }

    /** An error that is not SMTP's among the emails settled so far: the message must be retried. */
    Optional<String> failure() {
        return failure;
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

    private void settle(Sending sending) {
        ClaimsAhead.Turn turn = sending.turn();
        SendResult result;
        try {
            result = sending.result().join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            turn.giveBack();
            report.failed();
            failure = Optional.of("send to " + turn.member().email() + " failed: " + cause);
            lines.warn("send-failed", turn.member(), Map.of("error", String.valueOf(cause)));
            return;
        }
        if (result instanceof SendResult.Accepted) {
            turn.sent();
            report.sent();
            sentAny = true;
            unclearInARow = 0;
            lines.debug("recipient-sent", turn.member(), Map.of());
            return;
        }
        SmtpReply reply = ((SendResult.Refused) result).reply();
        if (halt.isPresent()) {
            // After the account's refusal every other refusal may be its echo: nobody is recorded.
            turn.giveBack();
            notMade(sending, reply);
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
                    notMade(sending, reply);
                } else {
                    refusedForNow(turn, reply);
                }
            }
            case ADDRESS_TRANSIENT -> refusedForNow(turn, reply);
            case ACCOUNT -> {
                halt(turn, reply, reply.answered() ? PauseReason.SMTP_REFUSED : PauseReason.SMTP_UNREACHABLE);
                notMade(sending, reply);
            }
        }
    }

    /** A refusal the server said, or a connection never made, sent nothing: its send goes back to the account. */
    private void notMade(Sending sending, SmtpReply reply) {
        if (reply.answered() || reply.phase() == SmtpPhase.CONNECT) {
            sendsNotMade.add(sending.countedAt());
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
        refusals.suppress().refused(turn.member(), reply.text());
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
