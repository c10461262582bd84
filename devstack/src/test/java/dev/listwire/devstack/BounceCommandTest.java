package dev.listwire.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code ./listwire bounce} with no devstack running (FeedbackLoopTest runs it against one). */
class BounceCommandTest {

    @Test
    void saysTheDevstackIsNotRunningWhenNothingAnswersImap() {
        String ports = TestDevstack.freePorts().asProperty();
        System.setProperty("listwire.ports", ports);
        StringWriter err = new StringWriter();
        CommandLine cli = Listwire.commandLine();
        cli.setOut(new PrintWriter(new StringWriter(), true));
        cli.setErr(new PrintWriter(err, true));

        int code = cli.execute("bounce", "--local", "ada@example.com");

        assertEquals(1, code);
        String imap = ports.split(",")[3];
        assertTrue(
                err.toString().contains("nothing answers IMAP on localhost:" + imap + ": the devstack is not running"),
                err.toString());
    }
}
