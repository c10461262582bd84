package dev.listwire.common.function;

import dev.listwire.common.ledger.DeliveryLedger;
import dev.listwire.common.ledger.EventLedger;
import dev.listwire.common.logging.JsonLines;
import dev.listwire.common.mail.SmtpPool;
import dev.listwire.common.manifest.ListManifest;
import dev.listwire.common.members.Member;
import dev.listwire.common.members.MemberTable;
import dev.listwire.common.quota.SendingAccount;
import jakarta.inject.Singleton;
import jakarta.mail.Session;

import java.time.Duration;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.stream.Stream;

/**
 * Sends one event to every member who should get it: pages through the list's table (or one scan
 * segment, from a continuation's position) and hands each member to an {@link EventPass}. Stops at the
 * first passing failure, so that the message is retried and the ledger makes the retry send only to those
 * not yet sent; stops on purpose when the invocation's time or the account's quota runs low, saying where
 * a continuation must go on.
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
                             SmtpPool smtp, SendPacer pacer, EventReport report) {
        EventLedger deliveries = ledger.open(list.name(), id.eventId(), Duration.ofSeconds(list.tuning().timeoutSeconds()));
        EventPass<T> run = new EventPass<>(list, emails, log, id, event, wants, smtp, pacer, deliveries, report, budget,
                new SendSlots(account));
        Optional<String> last = from.after();
        boolean started = false;
        try (Stream<Member> all = members.members(table, from.segment(), from.segments(), from.after());
             ClaimsAhead it = new ClaimsAhead(all.iterator(), run::screen, deliveries, ledger.claimsAhead())) {
            while (true) {
                // At least one member per part, so that every invocation moves the event forward.
                if (started && budget.low()) {
                    return Optional.of(new Pause(new Continuation(from.segment(), from.segments(), last), 0, Pause.OUT_OF_TIME));
                }
                if (!it.hasNext()) {
                    return Optional.empty();
                }
                ClaimsAhead.Next member = it.next();
                started = true;
                EventPass.Step step = run.sendTo(member);
                if (step == EventPass.Step.RETRY) {
                    return Optional.empty();
                }
                if (step == EventPass.Step.PAUSE) {
                    // This member was not sent: the continuation starts at it.
                    return Optional.of(new Pause(new Continuation(from.segment(), from.segments(), last),
                            run.pauseSeconds(), run.pauseReason()));
                }
                last = Optional.of(member.member().email());
            }
        } finally {
            // Emails still in flight settle first: a failure among them makes the report ask for a retry,
            // and then no continuation is written.
            try {
                run.drain();
                deliveries.flush();
            } finally {
                run.giveBack();
            }
        }
    }
}
