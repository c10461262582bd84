package dev.listwire.common.function;

import dev.listwire.common.mail.SendResult;
import dev.listwire.common.mail.SmtpPool;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The emails of one event on their way over the batch's SMTP pool: with several connections up to that
 * many are in flight. Their outcomes are recorded here, on the caller's thread, oldest first, each ending
 * its member's claim.
 */
final class SendsInFlight {

    private record Sending(ClaimsAhead.Turn turn, CompletableFuture<SendResult> result) {}

    private final SmtpPool smtp;
    private final EventReport report;
    private final RecipientLines lines;
    private final SuppressOnRefusal suppress;
    private final Deque<Sending> inFlight = new ArrayDeque<>();
    private Optional<String> failure = Optional.empty();

    SendsInFlight(Invocation invocation, EventReport report, RecipientLines lines, SuppressOnRefusal suppress) {
        this.smtp = invocation.smtp();
        this.report = report;
        this.lines = lines;
        this.suppress = suppress;
    }

    /** Sends one member's email (paced by the {@link SendGate}); when the pool is full, waits for the oldest. */
    void send(ClaimsAhead.Turn turn, MimeMessage message, InternetAddress to) {
        CompletableFuture<SendResult> result = smtp.send(message, to);
        turn.onTheWire();
        inFlight.add(new Sending(turn, result));
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

    /** The last passing failure among the emails settled so far: the message must be retried. */
    Optional<String> failure() {
        return failure;
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
            failure = Optional.of("send to " + turn.member().email() + " failed: " + cause.getMessage());
            lines.warn("send-failed", turn.member(), Map.of("smtpReply", String.valueOf(cause.getMessage())));
            return;
        }
        if (result instanceof SendResult.Rejected rejected) {
            turn.refused(rejected.reply());
            report.skipped(SkipReason.REJECTED);
            lines.warn(
                    "recipient-skipped",
                    turn.member(),
                    Map.of("reason", SkipReason.REJECTED.logName(), "smtpReply", rejected.reply()));
            // Refused for good: in the ledger for this event above, on the suppression list for every list here.
            suppress.refused(turn.member(), rejected.reply());
        } else {
            turn.sent();
            report.sent();
            lines.debug("recipient-sent", turn.member(), Map.of());
        }
    }
}
