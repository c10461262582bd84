package dev.listwire.common.function;

import dev.listwire.common.ledger.EventLedger;
import dev.listwire.common.logging.JsonLines;
import dev.listwire.common.mail.SendResult;
import dev.listwire.common.mail.SmtpPool;
import dev.listwire.common.manifest.ListManifest;
import dev.listwire.common.mail.Addresses;
import dev.listwire.common.members.Member;
import dev.listwire.common.quota.Allowance;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BiPredicate;

/**
 * One event's pass over the list in one invocation, member by member: skip, claim (the claims of the
 * next few members are already on their way, see {@link ClaimsAhead}), take a send from the account's
 * allowance, render, send, record. With a pool of several SMTP connections up to that many
 * emails are in flight; their outcomes are recorded here, on the caller's thread, oldest first.
 */
final class EventPass<T> {

    /** What comes after one member: the next one, a retry of the whole message, or a continuation. */
    enum Step { NEXT, RETRY, PAUSE }

    private record InFlight(Member member, CompletableFuture<SendResult> result) {
    }

    private final ListManifest list;
    private final MemberEmails emails;
    private final JsonLines log;
    private final EventIdentity id;
    private final T event;
    private final BiPredicate<Member, T> wants;
    private final SmtpPool smtp;
    private final SendPacer pacer;
    private final EventLedger deliveries;
    private final EventReport report;
    private final TimeBudget budget;
    private final SendSlots slots;
    private final Deque<InFlight> inFlight = new ArrayDeque<>();
    private boolean failed;
    private int pauseSeconds;
    private String pauseReason;

    EventPass(ListManifest list, MemberEmails emails, JsonLines log, EventIdentity id, T event, BiPredicate<Member, T> wants,
              SmtpPool smtp, SendPacer pacer, EventLedger deliveries, EventReport report, TimeBudget budget, SendSlots slots) {
        this.list = list;
        this.emails = emails;
        this.log = log;
        this.id = id;
        this.event = event;
        this.wants = wants;
        this.smtp = smtp;
        this.pacer = pacer;
        this.deliveries = deliveries;
        this.report = report;
        this.budget = budget;
        this.slots = slots;
    }

    /**
     * Whether a member is to be sent this event, and if not, why. Decided before the member's turn (so that
     * its claim can be on its way), reported at its turn.
     */
    record Screening(String skipped, InternetAddress address) {
        boolean sendable() {
            return skipped == null;
        }
    }

    Screening screen(Member member) {
        if (member.isUnsubscribed()) {
            return new Screening(EventReport.UNSUBSCRIBED, null);
        }
        if (!wants.test(member, event)) {
            return new Screening(EventReport.FILTERED, null);
        }
        return Addresses.deliverable(member.email())
                .map(address -> new Screening(null, address))
                .orElseGet(() -> new Screening(EventReport.INVALID_ADDRESS, null));
    }

    Step sendTo(ClaimsAhead.Next next) {
        Member member = next.member();
        Screening screening = next.screening();
        report.seen();
        if (!screening.sendable()) {
            report.skipped(screening.skipped());
            if (screening.skipped().equals(EventReport.INVALID_ADDRESS)) {
                log.warn("recipient-skipped", recipient(member, Map.of("reason", EventReport.INVALID_ADDRESS)));
            }
            return Step.NEXT;
        }
        return switch (next.awaitClaim()) {
            case ALREADY_DONE -> {
                report.skipped(EventReport.ALREADY_SENT);
                yield Step.NEXT;
            }
            case HELD_ELSEWHERE -> {
                report.heldElsewhere();
                yield Step.NEXT;
            }
            case CLAIMED -> allowed(member) ? deliver(member, screening.address()) : Step.PAUSE;
        };
    }

    /** Waits for every email in flight and records it; false when one of them failed. */
    boolean drain() {
        while (!inFlight.isEmpty()) {
            settle(inFlight.remove());
        }
        return !failed;
    }

    void giveBack() {
        slots.giveBack();
    }

    int pauseSeconds() {
        return pauseSeconds;
    }

    String pauseReason() {
        return pauseReason;
    }

    /** Whether the account may send now; when not, the claim is given back and the pause set. */
    private boolean allowed(Member member) {
        while (true) {
            Allowance allowance = slots.take();
            if (allowance instanceof Allowance.Granted) {
                return true;
            }
            if (allowance instanceof Allowance.RateLimited limited) {
                long waitMillis = slots.secondsUntil(limited.resumesAt()) * 1000;
                if (budget.allows(waitMillis)) {
                    sleep(waitMillis);
                    continue;
                }
                pause(member, limited.resumesAt(), "rate-limited");
            } else if (allowance instanceof Allowance.QuotaSpent spent) {
                pause(member, spent.resumesAt(), Pause.QUOTA_SPENT);
                log.warn("sending-deferred", recipient(member, Map.of("reason", Pause.QUOTA_SPENT,
                        "resumesAt", spent.resumesAt().toString())));
            }
            return false;
        }
    }

    private void pause(Member member, Instant resumesAt, String reason) {
        deliveries.release(member.email());
        pauseSeconds = (int) Math.min(900, slots.secondsUntil(resumesAt));
        pauseReason = reason;
    }

    private Step deliver(Member member, InternetAddress to) {
        MimeMessage message;
        try {
            message = emails.compose(id, event, member, to);
        } catch (MessagingException | RuntimeException e) {
            deliveries.release(member.email());
            report.failed("cannot build the email for " + member.email() + ": " + e.getMessage());
            log.error("compose-failed", recipient(member, Map.of("error", String.valueOf(e))));
            return Step.RETRY;
        }
        pacer.await();
        inFlight.add(new InFlight(member, smtp.send(message, to)));
        while (inFlight.size() >= smtp.size()) {
            settle(inFlight.remove());
        }
        return failed ? Step.RETRY : Step.NEXT;
    }

    private void settle(InFlight sending) {
        Member member = sending.member();
        SendResult result;
        try {
            result = sending.result().join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            deliveries.release(member.email());
            report.failed("send to " + member.email() + " failed: " + cause.getMessage());
            log.warn("send-failed", recipient(member, Map.of("smtpReply", String.valueOf(cause.getMessage()))));
            failed = true;
            return;
        }
        if (result instanceof SendResult.Rejected rejected) {
            deliveries.rejected(member.email(), rejected.reply());
            report.skipped(EventReport.REJECTED);
            log.warn("recipient-skipped", recipient(member,
                    Map.of("reason", EventReport.REJECTED, "smtpReply", rejected.reply())));
        } else {
            deliveries.sent(member.email());
            report.sent();
            log.debug("recipient-sent", recipient(member, Map.of()));
        }
    }

    private Map<String, Object> recipient(Member member, Map<String, Object> extra) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("list", list.name());
        fields.put("eventId", id.eventId());
        fields.put("messageId", id.messageId());
        fields.put("recipient", member.email());
        fields.putAll(extra);
        return fields;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the account's rate", e);
        }
    }
}
