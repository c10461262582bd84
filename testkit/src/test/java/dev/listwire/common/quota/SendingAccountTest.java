package dev.listwire.common.quota;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.listwire.testkit.LocalStack;
import dev.listwire.testkit.local.LocalResources;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Concurrent invocations share one account's quota through DynamoDB and never overshoot it together. */
class SendingAccountTest {

    @Test
    void fourInvocationsReservingAtOnceGetExactlyTheQuotaBetweenThem() throws Exception {
        LocalStack stack = LocalStack.shared();
        String table = freshTable(stack);
        SendingConfiguration limits = new SendingConfiguration(table, "shared@listwire.test", 1_000_000, 230, 10, 25);

        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Callable<Integer>> invocations = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            SendingAccount account = new SendingAccount(stack.dynamoDb(), limits, null);
            invocations.add(() -> {
                int granted = 0;
                for (Allowance a = account.reserve(25); a instanceof Allowance.Granted g; a = account.reserve(25)) {
                    granted += g.count();
                }
                return granted;
            });
        }
        int total = 0;
        for (Future<Integer> f : pool.invokeAll(invocations)) {
            total += f.get();
        }
        pool.shutdown();

        assertEquals(230, total);
        assertInstanceOf(Allowance.QuotaSpent.class, new SendingAccount(stack.dynamoDb(), limits, null).reserve(1));
    }

    @Test
    void sendsGivenBackCanBeReservedAgain() {
        LocalStack stack = LocalStack.shared();
        String table = freshTable(stack);
        SendingAccount account = new SendingAccount(
                stack.dynamoDb(), new SendingConfiguration(table, "a@listwire.test", 1_000_000, 30, 10, 25), null);

        assertEquals(new Allowance.Granted(25), account.reserve(100));
        assertEquals(new Allowance.Granted(5), account.reserve(100));
        account.giveBack(20, account.now());

        assertEquals(new Allowance.Granted(20), account.reserve(100));
    }

    @Test
    void sendsGivenBackReturnToTheRateWindowTheyWereCountedIn() {
        LocalStack stack = LocalStack.shared();
        String table = freshTable(stack);
        // 2 a second over 10-second windows: 20 a window; the quota is no limit here.
        SendingAccount account = new SendingAccount(
                stack.dynamoDb(), new SendingConfiguration(table, "a@listwire.test", 2, 1_000_000, 10, 25), null);
        java.time.Instant at = account.now();

        assertEquals(new Allowance.Granted(20), account.reserve(100, at));
        assertInstanceOf(Allowance.RateLimited.class, account.reserve(100, at));
        account.giveBack(15, at);

        assertEquals(new Allowance.Granted(15), account.reserve(100, at));
    }

    /** A sending table of its own, so that no other test's sends count against this one's limits. */
    private static String freshTable(LocalStack stack) {
        String table = "listwire-sending-account-test-" + System.nanoTime();
        new LocalResources(stack.dynamoDb(), stack.sqs()).createSendingTable(table);
        return table;
    }
}
