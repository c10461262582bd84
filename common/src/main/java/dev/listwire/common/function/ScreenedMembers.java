package dev.listwire.common.function;

import dev.listwire.common.members.Member;
import dev.listwire.common.suppression.SuppressedAddresses;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Function;

/**
 * A run's members with their screening, the suppression list asked about them a batch at a time: the
 * scan's members are taken {@value SuppressedAddresses#MAX_KEYS} at once (a page of 500 is five batches),
 * screened, and those still to be sent looked up in one {@code BatchGetItem}, so the list costs a hundredth
 * of a call per recipient, not one. A member found there is skipped as {@link SkipReason#SUPPRESSED} and
 * takes no claim. A failed lookup is thrown from {@link #next()}: the run ends in a retry.
 *
 * <p>{@link ClaimsAhead} takes each member from {@link #next()} and at once asks {@link #screening} for it.
 */
final class ScreenedMembers implements Iterator<Member> {

    private static final Screening SUPPRESSED = new Screening.Skip(SkipReason.SUPPRESSED);

    private final Iterator<Member> members;
    private final Function<Member, Screening> screen;
    private final SuppressedAddresses suppressed;
    private final Deque<Member> batch = new ArrayDeque<>();
    private final Map<Member, Screening> screenings = new IdentityHashMap<>();

    ScreenedMembers(Iterator<Member> members, Function<Member, Screening> screen, SuppressedAddresses suppressed) {
        this.members = members;
        this.screen = screen;
        this.suppressed = suppressed;
    }

    @Override
    public boolean hasNext() {
        return !batch.isEmpty() || members.hasNext();
    }

    @Override
    public Member next() {
        if (batch.isEmpty()) {
            readBatch();
        }
        if (batch.isEmpty()) {
            throw new NoSuchElementException();
        }
        return batch.remove();
    }

    /** The screening of a member {@link #next()} handed out, once. */
    Screening screening(Member member) {
        Screening screening = screenings.remove(member);
        if (screening == null) {
            throw new IllegalStateException("no screening for a member not handed out by next()");
        }
        return screening;
    }

    private void readBatch() {
        List<Member> toSend = new ArrayList<>();
        while (batch.size() < SuppressedAddresses.MAX_KEYS && members.hasNext()) {
            Member member = members.next();
            Screening screening = screen.apply(member);
            batch.add(member);
            screenings.put(member, screening);
            if (screening instanceof Screening.Send) {
                toSend.add(member);
            }
        }
        if (toSend.isEmpty()) {
            return; // nobody to look up: a batch of members who left or are filtered out costs no call
        }
        Set<String> found = suppressed.among(toSend.stream().map(Member::email).toList());
        for (Member member : toSend) {
            if (found.contains(member.email())) {
                screenings.put(member, SUPPRESSED);
            }
        }
    }
}
