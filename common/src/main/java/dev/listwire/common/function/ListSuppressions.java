package dev.listwire.common.function;

import dev.listwire.common.manifest.ListManifest;
import dev.listwire.common.members.Member;
import dev.listwire.common.suppression.SuppressedAddresses;
import dev.listwire.common.suppression.SuppressionList;
import jakarta.inject.Singleton;
import java.util.Iterator;
import java.util.function.Function;

/** A list's side of the suppression list shared by all lists: its sends skip the addresses on it and add to it. */
@Singleton
final class ListSuppressions {

    private final ListManifest list;
    private final SuppressedAddresses suppressed;
    private final SuppressionList suppressions;

    ListSuppressions(ListManifest list, SuppressedAddresses suppressed, SuppressionList suppressions) {
        this.list = list;
        this.suppressed = suppressed;
        this.suppressions = suppressions;
    }

    /** The members, screened by {@code screen} and then by the suppression list. */
    ScreenedMembers screen(Iterator<Member> members, Function<Member, Screening> screen) {
        return new ScreenedMembers(members, screen, suppressed);
    }

    /** What records one event's refusals for good on the suppression list. */
    SuppressOnRefusal onRefusal(EventIdentity id, RecipientLines lines) {
        return new SuppressOnRefusal(suppressions, list.name(), id, lines);
    }
}
