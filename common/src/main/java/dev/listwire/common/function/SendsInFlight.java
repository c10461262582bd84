package dev.listwire.common.function;

import dev.listwire.common.mail.SendResult;
import dev.listwire.common.mail.SmtpPool;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The emails of one event on their way over the batch's SMTP pool: with several connections up to that
 * many are in flight (the pool may widen while they go: {@link ConnectionShare}). Their outcomes are recorded
 * here, on the caller's thread, oldest first, each ending its member's claim: sent, failed (the message is
 * retried), or refused, which {@link RefusalOutcomes} settles by what the server's reply is about.
 */
final class SendsInFlight {

    /** One email on the wire, and where the send it took from the account is counted. */
    private record Sending(ClaimsAhead.Turn turn, CompletableFuture<SendResult> result, Instant countedAt) {}

    private final SmtpPool smtp;
    private final ConnectionShare share;
    private final EventReport report;
    private final RecipientLines lines;
    private final RefusalOutcomes refusals;
    private final Deque<Sending> inFlight = new ArrayDeque<>();
    private Optional<String> failure = Optional.empty();

    SendsInFlight(
            Invocation invocation,
            ConnectionShare share,
            EventReport report,
            RecipientLines lines,
            RunRefusals refusals) {
        this.smtp = invocation.smtp();
        this.share = share;
        this.report = report;
        this.lines = lines;
        this.refusals = new RefusalOutcomes(report, lines, refusals);
    }

    /**
     * Sends one member's email (paced by the {@link SendGate}, whose send counted at {@code countedAt} it
     * uses); when the pool is full, waits for the oldest.
     */
    void send(ClaimsAhead.Turn turn, MimeMessage message, InternetAddress to, Instant countedAt) {
        share.widen(smtp);
        report.poolSize(smtp.size());
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
    Optional<RefusalOutcomes.Halt> halt() {
        return refusals.halt();
    }

    /** Whether a member was refused for now in this run: a later pass over the segment tries it again. */
    boolean deferredAny() {
        return refusals.deferredAny();
    }

    /** The sends taken from the account for emails not made: see {@link RefusalOutcomes#sendsNotMade()}. */
    List<Instant> sendsNotMade() {
        return refusals.sendsNotMade();
    }

    /** How long after a pass the members it deferred are tried again. */
    int retryPassDelaySeconds() {
        return refusals.retryPassDelaySeconds();
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
            refusals.accepted();
            lines.debug("recipient-sent", turn.member(), Map.of());
            return;
        }
        refusals.refused(turn, ((SendResult.Refused) result).reply(), sending.countedAt());
    }
}
