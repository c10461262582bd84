package dev.listwire.common.function;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.listwire.testkit.ListUnderTest;
import dev.listwire.testkit.SqsEvents;
import dev.listwire.testkit.TableCalls;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every operation a list function really makes on the delivery ledger is one its Terraform role allows
 * (statement {@code WriteOwnLedgerEntries} in terraform/modules/list/iam.tf): dynalite allows everything,
 * AWS does not, so a new call the role lacks would pass every other test and fail in the account.
 */
class LedgerPermissionsTest {

    private static final String AAPL = "{\"ticker\":\"AAPL\",\"price\":189.95}";
    private static final Path LIST_ROLE = Path.of("..", "terraform", "modules", "list", "iam.tf");

    @RegisterExtension
    final ListUnderTest<FixtureFunction> list = ListUnderTest.of("classpath:fixture-list.json", FixtureFunction::new);

    @Test
    void theFunctionsLedgerCallsAreAllAllowedByItsRole() throws IOException {
        list.members().many("member", 30);
        Map<String, Integer> before = TableCalls.counts(list.ledgerTable()); // the test's own: the table made
        // The first delivery (the split recorded, the segment's first run, its marks), then the same message
        // again (a claiming run that finds every member done).
        list.function().handleRequest(SqsEvents.ofBody("m-1", AAPL), null);
        list.function().handleRequest(SqsEvents.ofBody("m-1", AAPL), null);

        Set<String> made = TableCalls.counts(list.ledgerTable()).entrySet().stream()
                .filter(calls -> calls.getValue() > before.getOrDefault(calls.getKey(), 0))
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
        assertTrue(
                made.containsAll(Set.of("Query", "PutItem", "UpdateItem", "BatchWriteItem")),
                "both runs reached the ledger: " + made);
        Set<String> allowed = ledgerActions();
        assertTrue(
                allowed.containsAll(made), "the role allows " + allowed + " on the ledger; the function made " + made);
    }

    /** The actions of the list role's ledger statement, without their {@code dynamodb:} prefix. */
    private static Set<String> ledgerActions() throws IOException {
        String role = Files.readString(LIST_ROLE);
        Matcher statement = Pattern.compile(
                        "sid\\s*=\\s*\"WriteOwnLedgerEntries\".*?actions\\s*=\\s*\\[([^\\]]*)\\]", Pattern.DOTALL)
                .matcher(role);
        assertTrue(statement.find(), "no WriteOwnLedgerEntries statement with actions in " + LIST_ROLE);
        return Arrays.stream(statement.group(1).split(","))
                .map(a -> a.trim().replace("\"", "").replace("dynamodb:", ""))
                .filter(a -> !a.isEmpty())
                .collect(Collectors.toSet());
    }
}
