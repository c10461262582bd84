package dev.listwire.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.listwire.devstack.stack.DevstackException;
import dev.listwire.devstack.stack.Ports;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The devstack refuses to start, saying why, rather than half-starting. */
class StartupRefusalsTest {

    @Test
    void refusesToStartWhenAPortIsTaken(@TempDir Path state) throws Exception {
        Ports ports = TestDevstack.freePorts();
        try (ServerSocket taken = new ServerSocket(ports.http(), 1, InetAddress.getLoopbackAddress())) {
            DevstackException refused = assertThrows(
                    DevstackException.class,
                    () -> TestDevstack.start(TestDevstack.ROOT.resolve("lists"), state, ports));
            assertTrue(
                    refused.getMessage()
                            .startsWith("Port " + ports.http() + " for web (mail viewer, preference center) "
                                    + "is already in use"),
                    refused.getMessage());
        }
    }

    @Test
    void refusesToStartWithoutNodeJs(@TempDir Path state, @TempDir Path emptyPath) throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        ProcessBuilder builder = new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        "-Dlistwire.root=" + TestDevstack.ROOT,
                        "-Dlistwire.ports=" + TestDevstack.freePorts().asProperty(),
                        Listwire.class.getName(),
                        "devstack",
                        "--state",
                        state.toString())
                .redirectErrorStream(true);
        builder.environment().put("PATH", emptyPath.toString()); // no 'node' anywhere on it
        Process process = builder.start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the devstack should stop at once");
        String output = new String(process.getInputStream().readAllBytes());
        assertEquals(1, process.exitValue(), output);
        assertTrue(
                output.contains("error: Cannot run Node.js ('node'), which dynalite (the local DynamoDB) needs"),
                output);
        assertTrue(Files.exists(state), "nothing else went wrong first");
    }
}
