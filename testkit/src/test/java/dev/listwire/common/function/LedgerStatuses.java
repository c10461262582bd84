package dev.listwire.common.function;

import dev.listwire.common.ledger.LedgerItems;
import dev.listwire.testkit.ListFixture;
import dev.listwire.testkit.ListUnderTest;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** What the delivery ledger holds for a test's list: each recipient's status ({@code sent}, {@code rejected}, …). */
final class LedgerStatuses {

    private LedgerStatuses() {}

    static Map<String, String> of(ListUnderTest<?> list) {
        return of(list.fixture());
    }

    static Map<String, String> of(ListFixture fixture) {
        return fixture.stack().dynamoDb().scan(b -> b.tableName(fixture.ledgerTable())).items().stream()
                .filter(LedgerItems::isRecipient)
                .collect(Collectors.toMap(
                        item -> item.get("email").s(),
                        item -> item.get("status").s(),
                        (a, b) -> a,
                        TreeMap::new));
    }

    /** The recipients the ledger keeps an event from for good (refused, or given up on), with their status. */
    static Map<String, String> recordedRefused(ListUnderTest<?> list) {
        return of(list).entrySet().stream()
                .filter(e -> e.getValue().equals("rejected") || e.getValue().equals("gave-up"))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
    }
}
