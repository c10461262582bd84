package dev.listwire.common.function;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.listwire.common.quota.Allowance;
import dev.listwire.common.quota.SendingAccount;
import dev.listwire.common.quota.SendingConfiguration;
import dev.listwire.testkit.LocalStack;
import dev.listwire.testkit.SendingCounts;
import dev.listwire.testkit.TableCalls;
import dev.listwire.testkit.local.LocalResources;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * A pass reserves its sends in blocks that start small and double up to the account's block size, on
 * dynalite, with the clock held at the start of a rate window (so no window changes mid-pass).
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

    private static SendingAccount account(String table, int blockSize) {
        return new SendingAccount(
                LocalStack.shared().dynamoDb(),
                new SendingConfiguration(table, "slots@listwire.test", 1_000_000, 1_000_000, 10, blockSize),
                WINDOW_START);
    }

    /** The sends the account has counted, over every hour's item. */
    private static long sentCounted(String table) {
        return SendingCounts.sent(LocalStack.shared().dynamoDb(), table);
    }

    private static String freshTable() {
        String table = "listwire-sending-slots-test-" + System.nanoTime();
        LocalStack stack = LocalStack.shared();
        new LocalResources(stack.dynamoDb(), stack.sqs()).createSendingTable(table);
        return table;
    }
}
