package dev.listwire.common.quota;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.listwire.testkit.LocalStack;
import dev.listwire.testkit.local.LocalResources;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The public form's sends stop short of the day's last share, which stays the lists'. */
class SendingAccountFloorTest {

    private static final double LISTS_SHARE = 0.1;

    @Test
    void aCallerLeavingTheListsTenPercentGetsNinetyOfAHundredAndTheListsTheRest() {
        SendingAccount account = account(100);
        Instant at = account.now();

        int granted = 0;
        for (Allowance a = account.reserveOneLeaving(LISTS_SHARE, at);
                a instanceof Allowance.Granted g;
                a = account.reserveOneLeaving(LISTS_SHARE, at)) {
            granted += g.count();
        }

        assertEquals(90, granted);
        assertInstanceOf(Allowance.QuotaSpent.class, account.reserveOneLeaving(LISTS_SHARE, at));
        assertEquals(new Allowance.Granted(10), account.reserve(25, at), "the last tenth is the lists'");
        assertInstanceOf(Allowance.QuotaSpent.class, account.reserve(1, at));
    }

    @Test
    void onceTheListsHaveSentPastTheFloorTheFormGetsNothing() {
        SendingAccount account = account(100);
        Instant at = account.now();
        for (int i = 0; i < 4; i++) {
            assertEquals(new Allowance.Granted(23), account.reserve(23, at));
        }

        assertInstanceOf(Allowance.QuotaSpent.class, account.reserveOneLeaving(LISTS_SHARE, at));
        assertEquals(new Allowance.Granted(8), account.reserve(25, at), "the lists still reach the whole quota");
    }

    @Test
    void theFormIsHeldToTheAccountsRateLikeEveryList() {
        // 1 a second over 10-second windows: 10 a window, whoever sends them.
        SendingAccount account = new SendingAccount(
                LocalStack.shared().dynamoDb(),
                new SendingConfiguration(freshTable(), "a@listwire.test", 1, 1_000_000, 10, 25),
                null);
        Instant at = account.now();
        assertEquals(new Allowance.Granted(9), account.reserve(9, at));

        assertEquals(new Allowance.Granted(1), account.reserveOneLeaving(LISTS_SHARE, at));
        assertInstanceOf(Allowance.RateLimited.class, account.reserveOneLeaving(LISTS_SHARE, at));
    }

    @Test
    void refusesAShareThatLeavesNothingOrIsNotAShare() {
        SendingAccount account = account(100);

        assertThrows(IllegalArgumentException.class, () -> account.reserveOneLeaving(1, account.now()));
        assertThrows(IllegalArgumentException.class, () -> account.reserveOneLeaving(-0.1, account.now()));
    }

    private static SendingAccount account(int dailyQuota) {
        return new SendingAccount(
                LocalStack.shared().dynamoDb(),
                new SendingConfiguration(freshTable(), "a@listwire.test", 1_000_000, dailyQuota, 10, 25),
                null);
    }

    /** A sending table of its own, so that no other test's sends count against this one's limits. */
    private static String freshTable() {
        String table = "listwire-sending-floor-test-" + System.nanoTime();
        LocalStack stack = LocalStack.shared();
        new LocalResources(stack.dynamoDb(), stack.sqs()).createSendingTable(table);
        return table;
    }
}
