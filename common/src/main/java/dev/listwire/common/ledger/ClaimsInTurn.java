package dev.listwire.common.ledger;

import dev.listwire.common.threads.Background;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Claims made one after another by one background thread: at the pace a provider sets, a claim made by a
 * thread that has just made one costs about half the CPU of one made by a thread woken for it alone
 * (BENCHMARKS.md, issue 18). Add the recipients, then {@link #start()}; each answer comes in its own future,
 * in order. After a failed claim the rest are not made: their futures fail with {@code not claimed: the
 * claim before it failed}, and they hold nothing.
 */
public final class ClaimsInTurn {

    private record Pending(String email, CompletableFuture<Claim> answer) {}

    private final EventLedger ledger;
    private final List<Pending> pending = new ArrayList<>();

    ClaimsInTurn(EventLedger ledger) {
        this.ledger = ledger;
    }

    /** A recipient to claim once {@link #start()} is called; the future of its answer. */
    public CompletableFuture<Claim> add(String email) {
        CompletableFuture<Claim> answer = new CompletableFuture<>();
        pending.add(new Pending(email, answer));
        return answer;
    }

    /** Recipients added so far. */
    public int size() {
        return pending.size();
    }

    /** Starts the claims added, in order, on one background thread. */
    public void start() {
        List<Pending> claims = List.copyOf(pending);
        pending.clear();
        if (claims.isEmpty()) {
            return;
        }
        if (ledger.claimsFree()) {
            claims.forEach(claim -> claim.answer().complete(Claim.CLAIMED));
            return;
        }
        Background.supply(() -> {
            Throwable failure = null;
            for (Pending claim : claims) {
                if (failure != null) {
                    claim.answer()
                            .completeExceptionally(new IllegalStateException(
                                    "not claimed: the claim before it failed: " + failure, failure));
                    continue;
                }
                try {
                    claim.answer().complete(ledger.claim(claim.email()));
                } catch (Throwable e) { // every answer must come, or the sending thread would wait for ever
                    failure = e;
                    claim.answer().completeExceptionally(e);
                }
            }
            return null;
        });
    }
}
