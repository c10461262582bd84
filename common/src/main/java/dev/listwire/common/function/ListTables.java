package dev.listwire.common.function;

import dev.listwire.common.ledger.DeliveryLedger;
import dev.listwire.common.ledger.EventLedger;
import dev.listwire.common.manifest.ListManifest;
import dev.listwire.common.members.Member;
import dev.listwire.common.members.MemberTable;
import dev.listwire.common.quota.SendingAccount;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;

/** The DynamoDB side of one list's sends: its member table, the delivery ledger and the sending account. */
@Singleton
final class ListTables {

    private final ListManifest list;
    private final String table;
    private final MemberTable members;
    private final DeliveryLedger ledger;
    private final SendingAccount account;

    ListTables(
            ListManifest list,
            FunctionConfiguration configuration,
            MemberTable members,
            DeliveryLedger ledger,
            SendingAccount account) {
        this.list = list;
        this.table = configuration.membersTable(list.name());
        this.members = members;
        this.ledger = ledger;
        this.account = account;
    }

    /** The members from {@code from} on: one scan segment, after the last member a part handled. */
    Stream<Member> members(Continuation from) {
        return members.members(table, from.segment(), from.segments(), from.after());
    }

    /**
     * The ledger of one event's run from {@code from} in this invocation (its claims, or its hold on a
     * segment's first run, last as long as the function may run); empty while another invocation's first
     * run holds the segment.
     */
    Optional<EventLedger> ledger(EventIdentity id, Continuation from) {
        return ledger.enter(
                list.name(),
                id.eventId(),
                Duration.ofSeconds(list.tuning().timeoutSeconds()),
                from.segment(),
                from.after().isEmpty());
    }

    /** How many segments an event starting now is split into: {@code wanted}, or what its first delivery recorded. */
    int recordSplit(EventIdentity id, int wanted) {
        return ledger.runs(list.name(), id.eventId()).recordSplit(wanted);
    }

    /** How many claims a run may have on their way at once. */
    int claimsAhead() {
        return ledger.claimsAhead();
    }

    /** An event's own reservations from the account's shared allowance. */
    SendSlots slots() {
        return new SendSlots(account);
    }
}
