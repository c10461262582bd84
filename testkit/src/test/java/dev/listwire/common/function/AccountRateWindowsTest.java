package dev.listwire.common.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.store.StoredMessage;
import dev.listwire.testkit.ListFixture;
import dev.listwire.testkit.ListUnderTest;
import dev.listwire.testkit.SqsEvents;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The account's rate as the account defines it: at most rate x window sends in each of its windows, counted
 * where the emails arrive (GreenMail's receive time, to the millisecond), not in listwire's own counters,
 * which a block spent after its window would not show.
 */
class AccountRateWindowsTest {

    private static final int PER_WINDOW = 40;
    private static final int MEMBERS = 12 * PER_WINDOW;

    @RegisterExtension
    final ListUnderTest<FixtureFunction> fixtureList =
            ListUnderTest.of("classpath:fixture-list.json", FixtureFunction::new);

    @Test
    void noWindowOfTheAccountReceivesMoreThanItsAllowance() {
        ListFixture list = fixtureList.fixture();
        list.members().many("member", MEMBERS);
        // Blocks smaller than a window's allowance, and one-second windows: many window changes mid-block.
        list.property("listwire.sending.rate-per-second", PER_WINDOW)
                .property("listwire.sending.window-seconds", 1)
                .property("listwire.sending.block-size", 5);
        try (FixtureFunction function = new FixtureFunction(list.context())) {
            assertTrue(function.handleRequest(SqsEvents.ofBody("m-1", "{\"ticker\":\"AAPL\",\"price\":189.95}"), null)
                    .getBatchItemFailures()
                    .isEmpty());
        }

        List<StoredMessage> received =
                list.mail().getManagers().getImapHostManager().getAllMessages();
        assertEquals(MEMBERS, received.size());
        // The account's windows of one second are the epoch's seconds (SendingAccount: second of the hour / 1).
        Map<Long, Integer> perWindow = new TreeMap<>();
        received.forEach(m -> perWindow.merge(m.getReceivedDate().getTime() / 1000, 1, Integer::sum));
        assertTrue(
                perWindow.values().stream().allMatch(n -> n <= PER_WINDOW),
                "emails per one-second window of the account, allowance " + PER_WINDOW + ": " + perWindow.values());
    }
}
