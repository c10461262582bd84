package dev.listwire.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.listwire.common.logging.AddressPseudonyms;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code ./listwire address-hash}: the name an address has in the logs, to find its lines. */
class AddressHashCommandTest {

    private static final String KEY = "a-link-signing-key-of-at-least-32-characters";

    @Test
    void printsWhatTheLogsCallTheAddressUnderTheDevstacksKey(@TempDir Path state) throws Exception {
        Files.writeString(state.resolve("links-key"), KEY + "\n");

        Result result = run("address-hash", "--state", state.toString(), "Ada@Example.com");

        assertEquals(0, result.code, result.err);
        assertEquals(new AddressPseudonyms(KEY).of("ada@example.com"), result.out.strip());
    }

    @Test
    void takesADeploymentsKeyFromAFile(@TempDir Path dir) throws Exception {
        Path key = dir.resolve("key");
        Files.writeString(key, "the-deployments-link-key-0123456789abcdef");

        Result result = run("address-hash", "--key-file", key.toString(), "ada@example.com");

        assertEquals(
                new AddressPseudonyms("the-deployments-link-key-0123456789abcdef").of("ada@example.com"),
                result.out.strip());
    }

    @Test
    void withoutAKeySaysWhereItLooked(@TempDir Path empty) {
        Result result = run("address-hash", "--state", empty.toString(), "ada@example.com");

        assertEquals(1, result.code);
        assertTrue(result.err.contains("no key at " + empty.resolve("links-key")), result.err);
    }

    private record Result(int code, String out, String err) {}

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Listwire.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Result(code, out.toString(), err.toString());
    }
}
