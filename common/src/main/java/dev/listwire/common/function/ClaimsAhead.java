package dev.listwire.common.function;

import dev.listwire.common.ledger.Claim;
import dev.listwire.common.ledger.EventLedger;
import dev.listwire.common.members.Member;
import dev.listwire.common.threads.Background;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/**
 * The members of one pass, in scan order, with the ledger claims of the next few already on their way.
 * A claim is a DynamoDB round trip that would otherwise sit between every two emails; with
 * {@code listwire.ledger.claims-ahead} of them in flight, the wait overlaps the sending of the emails
 * before. Members are still handed out, and sent, strictly in order, so a continuation's position means
 * what it did. Claims taken for members that are not reached (the pass stops early) are given back.
 */
final class ClaimsAhead implements AutoCloseable {

    /** Members held at most, claimed or not: a bound on what a mostly filtered list reads ahead. */
    private static final int MAX_WINDOW = 500;

    /** A member as screened before its turn; {@code claim} is null when it will not be sent. */
    record Next(Member member, EventPass.Screening screening, CompletableFuture<Claim> claim) {

        /** The ledger's answer; a DynamoDB failure is thrown as it would have been without the window. */
        Claim awaitClaim() {
            return Background.await(claim);
        }
    }

    private final Iterator<Member> members;
    private final Function<Member, EventPass.Screening> screen;
    private final EventLedger deliveries;
    private final int depth;
    private final Deque<Next> window = new ArrayDeque<>();
    private int claimsInWindow;

    ClaimsAhead(Iterator<Member> members, Function<Member, EventPass.Screening> screen, EventLedger deliveries, int depth) {
        if (depth < 1) {
            throw new IllegalArgumentException("listwire.ledger.claims-ahead must be at least 1");
        }
        this.members = members;
        this.screen = screen;
        this.deliveries = deliveries;
        this.depth = depth;
    }

    boolean hasNext() {
        fill();
        return !window.isEmpty();
    }

    Next next() {
        fill();
        Next next = window.remove();
        if (next.claim() != null) {
            claimsInWindow--;
        }
        fill();
        return next;
    }

    /** Gives back every claim taken for a member that was not handed out. */
    @Override
    public void close() {
        for (Next unsent : window) {
            if (unsent.claim() != null && claimed(unsent.claim())) {
                deliveries.release(unsent.member().email());
            }
        }
        window.clear();
    }

    /** Reads on until {@code depth} claims are on their way; members skipped by the screening cost nothing. */
    private void fill() {
        while (claimsInWindow < depth && window.size() < MAX_WINDOW && members.hasNext()) {
            Member member = members.next();
            EventPass.Screening screening = screen.apply(member);
            CompletableFuture<Claim> claim = null;
            if (screening.sendable()) {
                claim = Background.supply(() -> deliveries.claim(member.email()));
                claimsInWindow++;
            }
            window.add(new Next(member, screening, claim));
        }
    }

    private static boolean claimed(CompletableFuture<Claim> claim) {
        try {
            return claim.join() == Claim.CLAIMED;
        } catch (CompletionException failed) {
            return false;
        }
    }
}
