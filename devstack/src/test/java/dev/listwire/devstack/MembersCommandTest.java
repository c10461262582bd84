package dev.listwire.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.listwire.devstack.TestDevstack.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./listwire members} against the devstack's dynalite. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MembersCommandTest {

    private TestDevstack devstack;

    @BeforeAll
    void start() {
        devstack = TestDevstack.start();
    }

    @AfterAll
    void stop() {
        devstack.close();
    }

    @Test
    void importWritesGoodRowsAndNamesEveryRejectedRowWithItsReason(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("members.csv");
        Files.writeString(csv, """
                email,name,tickers[]
                Joan@Example.com,"Clarke, Joan",NVDA;AMD
                not-an-address,Nobody,
                joan@example.com,Joan again,
                katherine@example.com,Katherine Johnson
                "hedy@example.com","Hedy \"\"Lamarr\"\"",TSLA
                "\"\"Call 555 0100\"\"@catch-all.example",Spam,
                """);
        Run run = devstack.listwire("members", "import", "--local", "stock-movement-alerts", csv.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("rejected line 3: 'not-an-address' is not an email address"), run.out());
        assertTrue(run.out().contains("rejected line 4: joan@example.com is already on line 2"), run.out());
        assertTrue(run.out().contains("rejected line 5: 2 cells, but the header has 3"), run.out());
        assertTrue(
                run.out()
                        .contains("rejected line 7: '\"Call 555 0100\"@catch-all.example' is not an email address: "
                                + "quoted local parts"),
                run.out());
        assertTrue(run.out().contains("Imported 2 member(s)"), run.out());
        assertTrue(run.err().contains("imported 2/2"), run.err());

        Run listed = devstack.listwire("members", "list", "--local", "stock-movement-alerts");
        assertTrue(
                listed.out().contains("joan@example.com  name=Clarke, Joan  tickers=AMD;NVDA")
                        || listed.out().contains("joan@example.com  name=Clarke, Joan  tickers=NVDA;AMD"),
                listed.out());
        assertTrue(listed.out().contains("hedy@example.com  name=Hedy \"Lamarr\"  tickers=TSLA"), listed.out());
        assertFalse(listed.out().contains("katherine@example.com"), listed.out());
    }

    @Test
    void addThenRemoveAMember() {
        Run added = devstack.listwire(
                "members",
                "add",
                "--local",
                "dcf-engine-results",
                "Barbara@Example.com",
                "--attr",
                "name=Barbara Liskov");
        assertEquals(0, added.exitCode(), added.err());
        assertTrue(devstack.listwire("members", "list", "--local", "dcf-engine-results")
                .out()
                .contains("barbara@example.com  name=Barbara Liskov"));

        Run removed = devstack.listwire("members", "remove", "--local", "dcf-engine-results", "barbara@example.com");
        assertTrue(removed.out().contains("Removed barbara@example.com"), removed.out());
        assertFalse(devstack.listwire("members", "list", "--local", "dcf-engine-results")
                .out()
                .contains("barbara@"));
    }

    @Test
    void addRefusesSomethingThatIsNotAnAddress() {
        Run run = devstack.listwire("members", "add", "--local", "dcf-engine-results", "barbara at example");
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("'barbara at example' is not an email address: it has no @"), run.err());
    }
}
