package dev.listwire.subscriptions;

import dev.listwire.common.members.Memberships;
import dev.listwire.common.suppression.SuppressionList;
import jakarta.inject.Singleton;

/**
 * The preference center's joins and leaves, each logged. A join through the preference center also takes
 * the address off the suppression list shared by all lists: the signed link that opened the page reached
 * its mailbox, which proves the address works and that its owner asks for the emails. Leaving does not
 * touch the suppression list, and nothing else here can take an address off it.
 */
@Singleton
final class MembershipChanges {

    private final Memberships memberships;
    private final SuppressionList suppressions;
    private final MembershipLog log;

    MembershipChanges(Memberships memberships, SuppressionList suppressions, MembershipLog log) {
        this.memberships = memberships;
        this.suppressions = suppressions;
        this.log = log;
    }

    void leave(ListCatalogue.Entry list, String email) {
        Memberships.Change change = memberships.leave(list.table(), email);
        log.changed("leave", list.name(), email, MembershipLog.Via.PREFERENCES, change);
    }

    /** Joins, then unsuppresses; a failure of the second is an error page, and joining again is harmless. */
    void join(ListCatalogue.Entry list, String email) {
        Memberships.Change change = memberships.join(list.table(), email);
        boolean unsuppressed = suppressions.remove(email);
        log.joined(list.name(), email, change, unsuppressed);
    }
}
