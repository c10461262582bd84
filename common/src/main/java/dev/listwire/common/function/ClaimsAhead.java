package dev.listwire.common.function;

import dev.listwire.common.ledger.Claim;
import dev.listwire.common.ledger.ClaimsInTurn;
import dev.listwire.common.ledger.EventLedger;
import dev.listwire.common.members.Member;
import dev.listwire.common.threads.Background;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/**
 * The members of one event's run, in scan order, with the ledger claims of the next few already on their
 * way, and the one home of those claims. A claim is a DynamoDB round trip that would otherwise sit between
 * every two emails; with {@code listwire.ledger.claims-ahead} of them in flight, the wait overlaps the
 * sending of the emails before. Members are still handed out, and sent, strictly in order, so a
 * continuation's position means what it did.
 *
 * <p>The window is refilled when half of it is used, half a window at a time, each half's claims made one
 * after another by one background thread ({@link ClaimsInTurn}: cheaper than a thread woken per claim); the
 * claims are still on their way long before their members' turn. When a claim fails, the rest of its half
 * are not made: the run stops at the failed one, and they hold nothing.
 *
 * <p>Every claim taken here ends here: a {@link Turn} says how its member ended ({@link Turn#sent},
 * {@link Turn#refused}, {@link Turn#giveBack}) and this class makes the ledger call. {@link #close()} gives
 * back every claim whose turn did not end, whether its member was not reached (the run stopped early) or
 * a step returned without saying, except a claim whose email is on the wire: the server may have taken
 * it, so it is kept until its lease runs out, as the ledger's protocol says.
 */
final class ClaimsAhead implements AutoCloseable {

    /** Members held at most, claimed or not: a bound on what a mostly filtered list reads ahead. */
    private static final int MAX_WINDOW = 500;

    private final Iterator<Member> members;
    private final Function<Member, Screening> screen;
    private final EventLedger ledger;
    private final int depth;
    /** Claims one background thread makes one after another: half the window. */
    private final int batch;

    private final Deque<Turn> window = new ArrayDeque<>();
    /** Turns handed out whose claim has not ended yet. */
    private final Set<Turn> handedOut = Collections.newSetFromMap(new IdentityHashMap<>());

    private int claimsInWindow;
    /** The key of the member handed out last (the run's start position before the first). */
    private Optional<String> lastHandedOut;

    ClaimsAhead(Iterator<Member> members, Function<Member, Screening> screen, EventLedger ledger, int depth) {
        this(members, screen, ledger, depth, Optional.empty());
    }

    /** @param start where the run starts: the key of the member before the first one, if any */
    ClaimsAhead(
            Iterator<Member> members,
            Function<Member, Screening> screen,
            EventLedger ledger,
            int depth,
            Optional<String> start) {
        this.lastHandedOut = start;
        if (depth < 1) {
            throw new IllegalArgumentException("listwire.ledger.claims-ahead must be at least 1");
        }
        this.members = members;
        this.screen = screen;
        this.ledger = ledger;
        this.depth = depth;
        this.batch = Math.max(1, depth / 2);
    }

    /**
     * One member's turn: its screening and, when it is to be sent, its claim. A claimed turn must end in
     * {@link #sent}, {@link #refused} or {@link #giveBack}; one that does not is given back on close.
     */
    final class Turn {
        private final Member member;
        private final Screening screening;
        private final CompletableFuture<Claim> claim;
        private Optional<String> before = Optional.empty();
        private boolean onTheWire;
        private boolean ended;

        private Turn(Member member, Screening screening, CompletableFuture<Claim> claim) {
            this.member = member;
            this.screening = screening;
            this.claim = claim;
        }

        Member member() {
            return member;
        }

        Screening screening() {
            return screening;
        }

        /** Where a continuation must start to reach this member again: the key of the member handed out before. */
        Optional<String> before() {
            return before;
        }

        /** How many times earlier passes of the event were refused for now on this member. */
        int triesSoFar() {
            return ledger.triesSoFar(member.email());
        }

        /** The ledger's answer; a DynamoDB failure is thrown as it would have been without the window. */
        Claim claim() {
            if (claim == null) {
                throw new IllegalStateException("no claim is taken for a member who is skipped");
            }
            Claim answer = Background.await(claim);
            if (answer != Claim.CLAIMED) {
                end();
            }
            return answer;
        }

        /** The email is handed to SMTP: from here the claim is kept (not given back) until it ends. */
        void onTheWire() {
            onTheWire = true;
        }

        /** The SMTP server accepted the email. */
        void sent() {
            end();
            ledger.sent(member.email());
        }

        /** The SMTP server refused the address for good: the ledger keeps the event from it. */
        void refused(String reply) {
            end();
            ledger.rejected(member.email(), reply);
        }

        /** The SMTP server refused the address for now, the {@code tries}-th time: a later pass tries again. */
        void deferred(String reply, int tries) {
            end();
            ledger.deferred(member.email(), reply, tries);
        }

        /** Refused for now too often: recorded with its last reply, not tried again for this event. */
        void gaveUp(String reply, int tries) {
            end();
            ledger.gaveUp(member.email(), reply, tries);
        }

        /** Nothing was sent (paused, a failure): a retry or continuation may take the member at once. */
        void giveBack() {
            end();
            ledger.release(member.email());
        }

        private void end() {
            if (ended) {
                throw new IllegalStateException("the claim on " + member.email() + " has ended already");
            }
            ended = true;
            handedOut.remove(this);
        }

        private void giveBackIfHeld() {
            if (!ended && claim != null && claimed(claim)) {
                giveBack();
            }
        }
    }

    boolean hasNext() {
        fill();
        return !window.isEmpty();
    }

    Turn next() {
        fill();
        Turn next = window.remove();
        next.before = lastHandedOut;
        lastHandedOut = Optional.of(next.member.email());
        if (next.claim != null) {
            claimsInWindow--;
            handedOut.add(next);
        }
        fill();
        return next;
    }

    /** Gives back every claim whose turn did not end, except those of emails on the wire. */
    @Override
    public void close() {
        for (Turn unsent : window) {
            unsent.giveBackIfHeld();
        }
        window.clear();
        for (Turn open : List.copyOf(handedOut)) {
            if (open.onTheWire) {
                ledger.keep(open.member.email());
            } else {
                open.giveBackIfHeld();
            }
        }
    }

    /**
     * Once half the claims ahead are used (or nothing is left to hand out), reads on until {@code depth}
     * claims are on their way, started half a window at a time; members skipped by the screening cost nothing.
     */
    private void fill() {
        if (!window.isEmpty() && claimsInWindow > depth - batch) {
            return;
        }
        ClaimsInTurn claims = ledger.inTurn();
        while (claimsInWindow < depth && window.size() < MAX_WINDOW && members.hasNext()) {
            Member member = members.next();
            Screening screening = screen.apply(member);
            CompletableFuture<Claim> claim = null;
            if (screening instanceof Screening.Send) {
                claim = claims.add(member.email());
                claimsInWindow++;
                if (claims.size() == batch) {
                    claims.start();
                }
            }
            window.add(new Turn(member, screening, claim));
        }
        claims.start();
    }

    private static boolean claimed(CompletableFuture<Claim> claim) {
        try {
            return claim.join() == Claim.CLAIMED;
        } catch (CompletionException failed) {
            return false;
        }
    }
}
