package dev.listwire.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.listwire.common.suppression.SuppressionCause;
import dev.listwire.common.suppression.SuppressionConfiguration;
import dev.listwire.common.suppression.SuppressionList;
import dev.listwire.devstack.TestDevstack.Run;
import dev.listwire.devstack.stack.Ports;
import dev.listwire.testkit.LocalStack;
import dev.listwire.testkit.local.Dynalite;
import dev.listwire.testkit.local.LocalResources;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code ./listwire suppressions --local} against a real dynalite: the test kit's, which the command finds
 * as it finds the devstack's (by {@code -Dlistwire.ports}); only its DynamoDB port is used, so no whole
 * devstack is started. Each test has a table of its own, named with {@code --table}.
 */
class SuppressionsCommandTest {

    private static final java.util.concurrent.atomic.AtomicInteger SEQUENCE =
            new java.util.concurrent.atomic.AtomicInteger();

    private final LocalStack stack = LocalStack.shared();
    private String table;

    @BeforeEach
    void createTable() {
        table = "listwire-suppressions-cli-" + SEQUENCE.incrementAndGet();
        new LocalResources(stack.dynamoDb(), stack.sqs()).createSuppressionTable(table);
    }

    @Test
    void addListThenRemoveAnAddress() {
        Run added = listwire("add", "Barbara@Example.com", "--reason", "complaint", "--note", "phoned us");
        assertEquals(0, added.exitCode(), added.err());
        assertTrue(added.out().contains("Suppressed barbara@example.com (complaint)"), added.out());

        Run listed = listwire("list");
        assertTrue(listed.out().contains("barbara@example.com  reason=complaint  count=1"), listed.out());
        assertTrue(listed.out().contains("reply=phoned us"), listed.out());
        assertTrue(listed.out().contains("1 suppressed address(es) in " + table + " on the devstack"), listed.out());

        Run removed = listwire("remove", "barbara@example.com");
        assertTrue(removed.out().contains("Removed barbara@example.com"), removed.out());
        assertFalse(listwire("list").out().contains("barbara@"));
        assertTrue(listwire("remove", "barbara@example.com").out().contains("Not suppressed: barbara@example.com"));
    }

    @Test
    void listShowsWhereARefusalCameFromWithTheServersWordsEscaped() {
        new SuppressionList(stack.dynamoDb(), new SuppressionConfiguration(table))
                .suppress(
                        "ada@example.com",
                        SuppressionCause.refused("550 5.1.1 <ada@example.com> \u001b[2Jno such user", "prices", "e-7"));

        String out = listwire("list").out();

        assertTrue(out.contains("ada@example.com  reason=smtp-refused  count=1"), out);
        assertTrue(out.contains("list=prices  event=e-7"), out);
        assertTrue(out.contains("\\x1b[2Jno such user"), "an escape in a reply is shown, not obeyed: " + out);
    }

    @Test
    void addRefusesAnUnknownReasonAndSomethingThatIsNotAnAddress() {
        Run badReason = listwire("add", "ada@example.com", "--reason", "annoying");
        assertEquals(1, badReason.exitCode());
        assertTrue(badReason.err().contains("'annoying' is not a reason"), badReason.err());

        Run badAddress = listwire("add", "ada at example");
        assertEquals(1, badAddress.exitCode());
        assertTrue(badAddress.err().contains("'ada at example' is not an email address"), badAddress.err());
        assertFalse(listwire("list").out().contains("ada"));
    }

    /** {@code ./listwire suppressions <args> --local --table <this test's table>}, in-process. */
    private Run listwire(String... args) {
        int dynamoDb = URI.create(stack.dynamoDbEndpoint()).getPort();
        Ports ports =
                new Ports(Dynalite.freePort(), dynamoDb, Dynalite.freePort(), Dynalite.freePort(), Dynalite.freePort());
        System.setProperty("listwire.ports", ports.asProperty());
        String[] full = new String[args.length + 4];
        full[0] = "suppressions";
        System.arraycopy(args, 0, full, 1, args.length);
        full[args.length + 1] = "--local";
        full[args.length + 2] = "--table";
        full[args.length + 3] = table;
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Listwire.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(full);
        return new Run(code, out.toString(), err.toString());
    }
}
