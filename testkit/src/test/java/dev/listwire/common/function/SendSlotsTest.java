package dev.listwire.common.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.listwire.common.quota.Allowance;
import dev.listwire.common.quota.SendingAccount;
import dev.listwire.common.quota.SendingConfiguration;
import dev.listwire.testkit.LocalStack;
import dev.listwire.testkit.TableCalls;
import dev.listwire.testkit.local.LocalResources;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A pass reserves its sends in blocks that start small and double up to the account's block size, on
 * dynalite, with the clock held at the start of a rate window (so no window changes mid-pass); and at a
 * window's end, with the clock set there, a send that could arrive in the next window is counted in both.
 */
class SendSlotsTest {

    private static final Clock WINDOW_START = Clock.fixed(Instant.parse("2026-12-01T12:00:01Z"), ZoneOffset.UTC);

    @Test
    void aLongPassCountsItsSendsWithBlocksThatDouble() {
        String table = freshTable();
        SendSlots slots = new SendSlots(account(table, 200));

        for (int i = 0; i < 1_000; i++) {
            assertEquals(new Allowance.Granted(1), slots.take(), "send " + i);
        }
        slots.giveBack();

        // 25, 50, 100, 200, 200, 200, 200 (975 sends), an eighth block of 200 for the last 25, and one
        // call that gives back its 175: nine calls, where blocks of 25 take over forty.
        assertEquals(9, TableCalls.count(table, "UpdateItem"));
        assertEquals(1_000, sentCounted(table), "every send counted once, the unused given back");
    }

    @Test
    void aShortPassHoldsOnlyTheFirstSmallBlock() {
        String table = freshTable();
        SendSlots slots = new SendSlots(account(table, 200));

        slots.take();
        assertEquals(SendSlots.FIRST_BLOCK, sentCounted(table), "the first reservation, before any was used");
        for (int i = 1; i < 10; i++) {
            slots.take();
        }
        slots.giveBack();
        assertEquals(10, sentCounted(table));
    }

    @Test
    void anAccountBlockSmallerThanTheFirstIsNeverExceeded() {
        String table = freshTable();
        SendSlots slots = new SendSlots(account(table, 5));

        slots.take();
        assertEquals(5, sentCounted(table));
        for (int i = 1; i < 50; i++) {
            slots.take();
        }
        slots.giveBack();
        assertEquals(50, sentCounted(table));
        // Ten blocks of 5, an eleventh asked for as the tenth reached half, and the call giving it back.
        assertEquals(12, TableCalls.count(table, "UpdateItem"));
    }

    @Test
    void aSendInAWindowsLastMomentsIsCountedInTheNextWindowTooAndSendingGoesOn() {
        String table = freshTable();
        SetClock clock = new SetClock(Instant.parse("2026-12-01T12:00:09.950Z"));
        SendSlots slots = new SendSlots(account(table, 200, 1_000_000, clock));

        // 50 ms before the window's end (window 0 of the hour: 12:00:00 to 12:00:10), inside the guard: the
        // send goes at once (it used to wait for the next window), counted in window 0 and in window 1.
        assertEquals(new Allowance.Granted(1), slots.take());
        assertEquals(SendSlots.FIRST_BLOCK, countedIn(table, 0), "the pass's block in window 0");
        assertEquals(50, countedIn(table, 1), "the edge block, reserved in window 1 for the guard's sends");

        // In window 1 the edge block is the pass's block: no new reservation, and window 0 gets back the rest.
        clock.set(Instant.parse("2026-12-01T12:00:10.050Z"));
        for (int i = 0; i < 5; i++) {
            assertEquals(new Allowance.Granted(1), slots.take(), "send " + i + " in window 1");
        }
        assertEquals(1, countedIn(table, 0), "window 0: the one send taken in it");
        assertEquals(50, countedIn(table, 1), "window 1: still the edge block alone");

        slots.giveBack();
        assertEquals(1, countedIn(table, 0));
        assertEquals(6, countedIn(table, 1), "the guard's send and the five after it");
    }

    @Test
    void aSendOfAWindowsLastMomentsWhoseEmailWasNotMadeGoesBackToBothWindows() {
        String table = freshTable();
        SetClock clock = new SetClock(Instant.parse("2026-12-01T12:00:09.950Z"));
        SendSlots slots = new SendSlots(account(table, 200, 1_000_000, clock));
        slots.take();
        Instant first = slots.countedAt();
        slots.take();
        Instant second = slots.countedAt();

        // The server refused the account for the second: its send goes back to both windows it was counted in.
        slots.giveBackTaken(List.of(second));
        slots.giveBack();

        assertEquals(first, second, "both taken in the same guard");
        assertEquals(1, countedIn(table, 0), "window 0: the first send only");
        assertEquals(1, countedIn(table, 1), "window 1: the first send only");
    }

    @Test
    void aSendInAWindowsLastMomentsWaitsForTheWindowAfterTheNextWhenTheNextIsFull() {
        String table = freshTable();
        SetClock clock = new SetClock(Instant.parse("2026-12-01T12:00:09.950Z"));
        // 2 a second over 10-second windows: 20 a window. Other invocations have spent window 1 already.
        SendingAccount account = account(table, 200, 2, clock);
        assertEquals(new Allowance.Granted(20), account.reserve(20, Instant.parse("2026-12-01T12:00:10Z")));
        SendSlots slots = new SendSlots(account);

        Allowance refused = slots.take();

        // The send could arrive in window 1, which is full: none may go before window 1 is over.
        assertInstanceOf(Allowance.RateLimited.class, refused);
        assertEquals(Instant.parse("2026-12-01T12:00:20Z"), ((Allowance.RateLimited) refused).resumesAt());
        slots.giveBack();
        assertEquals(0, countedIn(table, 0), "window 0: its block given back, no send taken");
        assertEquals(20, countedIn(table, 1), "window 1: the other invocations' sends only");
    }

    private static SendingAccount account(String table, int blockSize) {
        return account(table, blockSize, 1_000_000, WINDOW_START);
    }

    private static SendingAccount account(String table, int blockSize, double ratePerSecond, Clock clock) {
        return new SendingAccount(
                LocalStack.shared().dynamoDb(),
                new SendingConfiguration(table, "slots@listwire.test", ratePerSecond, 1_000_000, 10, blockSize),
                clock);
    }

    /** The sends the account has counted in rate window {@code window} of the hour (10-second windows). */
    private static long countedIn(String table, int window) {
        return LocalStack.shared().dynamoDb().scan(b -> b.tableName(table).consistentRead(true)).items().stream()
                .mapToLong(item -> item.containsKey("w" + window)
                        ? Long.parseLong(item.get("w" + window).n())
                        : 0)
                .sum();
    }

    /** A clock that reads what it was last set to. */
    private static final class SetClock extends Clock {
        private volatile Instant now;

        SetClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    /** The sends the account has counted, over every hour's item. */
    private static long sentCounted(String table) {
        return LocalStack.shared().dynamoDb().scan(b -> b.tableName(table).consistentRead(true)).items().stream()
                .mapToLong(item -> item.containsKey("sent")
                        ? Long.parseLong(item.get("sent").n())
                        : 0)
                .sum();
    }

    private static String freshTable() {
        String table = "listwire-sending-slots-test-" + System.nanoTime();
        LocalStack stack = LocalStack.shared();
        new LocalResources(stack.dynamoDb(), stack.sqs()).createSendingTable(table);
        return table;
    }
}
