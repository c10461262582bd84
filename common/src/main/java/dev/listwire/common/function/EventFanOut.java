package dev.listwire.common.function;

import dev.listwire.common.delivery.DeliveryLedger;
import dev.listwire.common.delivery.EventLedger;
import dev.listwire.common.logging.JsonLines;
import dev.listwire.common.mail.SendResult;
import dev.listwire.common.mail.SmtpConnection;
import dev.listwire.common.mail.TransientSendFailure;
import dev.listwire.common.manifest.ListManifest;
import dev.listwire.common.members.EmailAddresses;
import dev.listwire.common.members.Member;
import dev.listwire.common.members.MemberTable;
import dev.listwire.common.sending.Allowance;
import dev.listwire.common.sending.SendingAccount;
import jakarta.inject.Singleton;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.stream.Stream;

/**
 * Sends one event to every member who should get it: pages through the list's table, and for each
 * member claims the delivery in the ledger, renders, sends over the batch's SMTP connection and marks
 * it sent. Stops at the first passing failure, so that the message is retried and the ledger makes the
 * retry send only to those not yet sent.
 */
@Singleton
final class EventFanOut {

    private final ListManifest list;
    private final String table;
    private final MemberTable members;
    private final DeliveryLedger ledger;
    private final MemberEmails emails;
    private final SendingAccount account;
    private final JsonLines log;

    EventFanOut(ListManifest list, FunctionConfiguration configuration, MemberTable members, DeliveryLedger ledger,
                MemberEmails emails, SendingAccount account, JsonLines log) {
        this.list = list;
        this.table = configuration.membersTable(list.name());
        this.members = members;
        this.ledger = ledger;
        this.emails = emails;
        this.account = account;
        this.log = log;
    }

    Session session() {
        return emails.session();
    }

    ListManifest list() {
        return list;
    }

    /**
     * Sends the event from {@code from} on, until the end of the list, a passing failure (the report says
     * so), the invocation's time running low or the account's quota running out.
     *
     * @return where to go on, when sending stopped on purpose before the end of the list
     */
    <T> Optional<Pause> send(EventIdentity id, T event, Continuation from, TimeBudget budget, BiPredicate<Member, T> wants,
                             SmtpConnection smtp, SendPacer pacer, EventReport report) {
        EventLedger deliveries = ledger.open(list.name(), id.eventId(), Duration.ofSeconds(list.tuning().timeoutSeconds()));
        Run<T> run = new Run<>(id, event, wants, smtp, pacer, deliveries, report, budget, new SendSlots(account));
        Optional<String> last = from.after();
        boolean started = false;
        try (Stream<Member> all = members.members(table, from.segment(), from.segments(), from.after())) {
            Iterator<Member> it = all.iterator();
            while (true) {
                // At least one member per part, so that every invocation moves the event forward.
                if (started && budget.low()) {
                    return Optional.of(new Pause(new Continuation(from.segment(), from.segments(), last), 0, Pause.OUT_OF_TIME));
                }
                if (!it.hasNext()) {
                    return Optional.empty();
                }
                Member member = it.next();
                started = true;
                Step step = run.sendTo(member);
                if (step == Step.RETRY) {
                    return Optional.empty();
                }
                if (step == Step.PAUSE) {
                    // This member was not sent: the continuation starts at it.
                    return Optional.of(new Pause(new Continuation(from.segment(), from.segments(), last),
                            run.pauseSeconds, run.pauseReason));
                }
                last = Optional.of(member.email());
            }
        } finally {
            try {
                deliveries.flush();
            } finally {
                run.slots.giveBack();
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the account's rate", e);
        }
    }

    /** What comes after one member: the next one, a retry of the whole message, or a continuation. */
    private enum Step { NEXT, RETRY, PAUSE }

    /** One event's pass over the list, in one invocation. */
    private final class Run<T> {
        private final EventIdentity id;
        private final T event;
        private final BiPredicate<Member, T> wants;
        private final SmtpConnection smtp;
        private final SendPacer pacer;
        private final EventLedger deliveries;
        private final EventReport report;
        private final TimeBudget budget;
        private final SendSlots slots;
        private int pauseSeconds;
        private String pauseReason;

        Run(EventIdentity id, T event, BiPredicate<Member, T> wants, SmtpConnection smtp, SendPacer pacer,
            EventLedger deliveries, EventReport report, TimeBudget budget, SendSlots slots) {
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

        Step sendTo(Member member) {
            report.seen();
            if (member.isUnsubscribed()) {
                report.skipped(EventReport.UNSUBSCRIBED);
                return Step.NEXT;
            }
            if (!wants.test(member, event)) {
                report.skipped(EventReport.FILTERED);
                return Step.NEXT;
            }
            Optional<InternetAddress> address = EmailAddresses.deliverable(member.email());
            if (address.isEmpty()) {
                report.skipped(EventReport.INVALID_ADDRESS);
                log.warn("recipient-skipped", recipient(member, Map.of("reason", EventReport.INVALID_ADDRESS)));
                return Step.NEXT;
            }
            return switch (deliveries.claim(member.email())) {
                case ALREADY_DONE -> {
                    report.skipped(EventReport.ALREADY_SENT);
                    yield Step.NEXT;
                }
                case HELD_ELSEWHERE -> {
                    report.heldElsewhere();
                    yield Step.NEXT;
                }
                case CLAIMED -> allowed(member) ? deliver(member, address.get()) : Step.PAUSE;
            };
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

        private void pause(Member member, java.time.Instant resumesAt, String reason) {
            deliveries.release(member.email());
            pauseSeconds = (int) Math.min(900, slots.secondsUntil(resumesAt));
            pauseReason = reason;
        }

        private Step deliver(Member member, InternetAddress to) {
            SendResult result;
            try {
                MimeMessage message = emails.compose(id, event, member, to);
                pacer.await();
                result = smtp.send(message, to);
            } catch (TransientSendFailure e) {
                deliveries.release(member.email());
                report.failed("send to " + member.email() + " failed: " + e.getMessage());
                log.warn("send-failed", recipient(member, Map.of("smtpReply", e.getMessage())));
                return Step.RETRY;
            } catch (MessagingException | RuntimeException e) {
                deliveries.release(member.email());
                report.failed("cannot build the email for " + member.email() + ": " + e.getMessage());
                log.error("compose-failed", recipient(member, Map.of("error", String.valueOf(e))));
                return Step.RETRY;
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
            return Step.NEXT;
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
    }
}
