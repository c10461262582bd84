package dev.listwire.common.function;

import dev.listwire.common.ledger.EventLedger;
import dev.listwire.common.members.Member;
import java.util.Iterator;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * One event's run over its list (or one scan segment of it) in one invocation, from the first page to the
 * last ledger mark: pages through the members from a continuation's position, takes each member's
 * {@link MemberStep}, then settles the emails in flight, gives back the claims and sends not used, and
 * writes the marks. Stops at the first passing failure, so that the message is retried and the ledger
 * makes the retry send only to those not yet sent; stops on purpose when the invocation's time or the
 * account's quota runs low, or the SMTP server refuses for the account, saying where a continuation must
 * go on. The result is the return value.
 */
final class EventRun<T> {

    /**
     * What one run steps with: the per-member step, the emails it put on the wire, the account's sends, and
     * the screening of the members (the list's own rules, then the suppression list).
     */
    record Steps(
            MemberStep step, SendsInFlight sends, SendGate gate, Function<Iterator<Member>, ScreenedMembers> screen) {}

    private final ListTables tables;
    private final ListEvent<T> event;
    private final Continuation from;
    private final TimeBudget budget;
    private final Steps steps;
    /** The key of the last member handled: where a continuation starts. */
    private Optional<String> last;

    private boolean heldElsewhere;

    EventRun(ListTables tables, ListEvent<T> event, Continuation from, TimeBudget budget, Steps steps) {
        this.tables = tables;
        this.event = event;
        this.from = from;
        this.budget = budget;
        this.steps = steps;
        this.last = from.after();
    }

    EventResult run() {
        try {
            Optional<EventLedger> ledger = tables.ledger(event.id(), from);
            if (ledger.isEmpty()) {
                return new EventResult.Retry(
                        RetryReason.HELD_ELSEWHERE,
                        "segment " + from.segment() + " of " + from.segments() + " is held by its first run, "
                                + "in another invocation: retried once that run ends or its lease runs out");
            }
            return result(walkAndSettle(ledger.get()));
        } catch (RuntimeException e) {
            return new EventResult.Retry(RetryReason.ERROR, String.valueOf(e));
        }
    }

    private MemberStep.Step walkAndSettle(EventLedger ledger) {
        try {
            try (Stream<Member> members = tables.members(from);
                    ClaimsAhead claims = claims(members, ledger)) {
                try {
                    return walk(claims);
                } finally {
                    // The emails in flight end their claims (sent, refused, given back) before the rest close.
                    steps.sends().drain();
                }
            } finally {
                ledger.settle();
            }
        } finally {
            steps.gate().giveBackTaken(steps.sends().sendsNotMade());
            steps.gate().giveBack();
        }
    }

    private ClaimsAhead claims(Stream<Member> members, EventLedger ledger) {
        ScreenedMembers screened = steps.screen().apply(members.iterator());
        return new ClaimsAhead(screened, screened::screening, ledger, tables.claimsAhead(), from.after());
    }

    /** Member after member until the list ends or a step says to stop. */
    private MemberStep.Step walk(ClaimsAhead claims) {
        boolean started = false;
        while (true) {
            // At least one member per part, so that every invocation moves the event forward.
            if (started && budget.low()) {
                return new MemberStep.Stopped(PauseReason.OUT_OF_TIME, 0);
            }
            if (!claims.hasNext()) {
                return new MemberStep.Next();
            }
            ClaimsAhead.Turn turn = claims.next();
            started = true;
            MemberStep.Step step = steps.step().take(turn);
            if (step instanceof MemberStep.Failed || step instanceof MemberStep.Stopped) {
                // A stopped member was not sent: the continuation starts at it.
                return step;
            }
            heldElsewhere |= step instanceof MemberStep.HeldElsewhere;
            last = Optional.of(turn.member().email());
        }
    }

    /**
     * A failure wins over everything, then the SMTP account's refusal (a continuation, delayed), then a
     * member held elsewhere (retry), then a stop on purpose; at the segment's end, a pass that deferred
     * members goes over the segment again.
     */
    private EventResult result(MemberStep.Step ending) {
        Optional<String> sendFailure = steps.sends().failure();
        if (sendFailure.isPresent()) {
            return new EventResult.Retry(RetryReason.SEND_FAILED, sendFailure.get());
        }
        boolean deferredBehind = from.addressesDeferred() || steps.sends().deferredAny();
        Optional<RefusalOutcomes.Halt> halt = steps.sends().halt();
        if (halt.isPresent()) {
            // Resume before the member that met the refusal; a member held elsewhere may come earlier, and
            // its holder may die: then from where this run started (the ledger skips those done).
            Optional<String> after = heldElsewhere ? from.after() : halt.get().after();
            Continuation next = new Continuation(
                    from.segment(), from.segments(), after, halt.get().deferrals(), deferredBehind);
            return new EventResult.Paused(
                    next, halt.get().delaySeconds(), halt.get().reason());
        }
        if (ending instanceof MemberStep.Failed failed) {
            return new EventResult.Retry(failed.reason(), failed.error());
        }
        if (heldElsewhere) {
            return new EventResult.Retry(RetryReason.HELD_ELSEWHERE, Optional.empty());
        }
        if (ending instanceof MemberStep.Stopped stopped) {
            Continuation next = new Continuation(from.segment(), from.segments(), last, 0, deferredBehind);
            return new EventResult.Paused(next, stopped.delaySeconds(), stopped.reason());
        }
        if (deferredBehind) {
            // A new pass over the segment from its start: the ledger lets the deferred members be claimed
            // again and answers "done" for the rest. Simple, and bounded by listwire.refusals.address-tries
            // (every pass that defers a member counts one of its tries), at one conditional write per member
            // already done: a pass of the ledger's deferred items alone would need a query by status.
            Continuation again = new Continuation(from.segment(), from.segments(), Optional.empty());
            return new EventResult.Paused(again, steps.sends().retryPassDelaySeconds(), PauseReason.ADDRESSES_DEFERRED);
        }
        return new EventResult.Done();
    }
}
