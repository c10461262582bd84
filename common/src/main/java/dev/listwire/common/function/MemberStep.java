package dev.listwire.common.function;

import dev.listwire.common.members.Member;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Map;
import java.util.Optional;

/**
 * One member's step in an event's run: skip, or (the claim already on its way, see {@link ClaimsAhead})
 * take a send from the account, compose, and hand the email to the sends in flight. What comes next is
 * the return value.
 */
final class MemberStep {

    /** What comes after one member. */
    sealed interface Step {}

    /** On to the next member. */
    record Next() implements Step {}

    /** On to the next member; but another invocation holds this one, so the message must be retried. */
    record HeldElsewhere() implements Step {}

    /** Stop: something that is not SMTP's failed, and the message must be retried. */
    record Failed(RetryReason reason, String error) implements Step {}

    /** Stop on purpose before this member, which was not sent: the rest goes on later. */
    record Stopped(PauseReason reason, int delaySeconds) implements Step {}

    /** One member's email for the event. */
    @FunctionalInterface
    interface Composer {
        MimeMessage compose(Member member, InternetAddress to) throws MessagingException;
    }

    private static final Step NEXT = new Next();

    private final EventReport report;
    private final RecipientLines lines;
    private final SendGate gate;
    private final Composer emails;
    private final SendsInFlight sends;

    MemberStep(EventReport report, RecipientLines lines, SendGate gate, Composer emails, SendsInFlight sends) {
        this.report = report;
        this.lines = lines;
        this.gate = gate;
        this.emails = emails;
        this.sends = sends;
    }

    Step take(ClaimsAhead.Turn turn) {
        Member member = turn.member();
        report.seen();
        if (turn.screening() instanceof Screening.Skip skip) {
            report.skipped(skip.reason());
            if (skip.reason() == SkipReason.INVALID_ADDRESS) {
                lines.warn("recipient-skipped", member, Map.of("reason", SkipReason.INVALID_ADDRESS.logName()));
            } else if (skip.reason() == SkipReason.SUPPRESSED) {
                lines.info("recipient-skipped", member, Map.of("reason", SkipReason.SUPPRESSED.logName()));
            }
            return NEXT;
        }
        InternetAddress to = ((Screening.Send) turn.screening()).to();
        return switch (turn.claim()) {
            case ALREADY_DONE -> {
                report.skipped(SkipReason.ALREADY_SENT);
                yield NEXT;
            }
            case HELD_ELSEWHERE -> {
                report.heldElsewhere();
                yield new HeldElsewhere();
            }
            case CLAIMED -> sendTo(turn, to);
        };
    }

    /** The member is claimed: every way out of here ends the claim, or hands it to the sends in flight. */
    private Step sendTo(ClaimsAhead.Turn turn, InternetAddress to) {
        Member member = turn.member();
        Optional<SendGate.Closed> closed = gate.take();
        if (closed.isPresent()) {
            turn.giveBack();
            if (closed.get().reason() == PauseReason.QUOTA_SPENT) {
                lines.warn(
                        "sending-deferred",
                        member,
                        Map.of(
                                "reason",
                                PauseReason.QUOTA_SPENT.logName(),
                                "resumesAt",
                                closed.get().resumesAt().toString()));
            }
            return new Stopped(closed.get().reason(), closed.get().delaySeconds());
        }
        MimeMessage message;
        try {
            message = emails.compose(member, to);
        } catch (MessagingException | RuntimeException e) {
            turn.giveBack();
            report.failed();
            lines.error("compose-failed", member, Map.of("error", String.valueOf(e)));
            return new Failed(
                    RetryReason.COMPOSE_FAILED, "cannot build the email for " + member.email() + ": " + e.getMessage());
        }
        sends.send(turn, message, to, gate.countedAt());
        if (sends.failure().isPresent()) {
            return new Failed(RetryReason.SEND_FAILED, sends.failure().get());
        }
        // The account or the connection refused: no more sends; the run's result says where to resume.
        return sends.halt()
                .<Step>map(halt -> new Stopped(halt.reason(), halt.delaySeconds()))
                .orElse(NEXT);
    }
}
