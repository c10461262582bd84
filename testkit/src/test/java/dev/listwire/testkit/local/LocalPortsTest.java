package dev.listwire.testkit.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LocalPortsTest {

    private static final Path RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");

    @Test
    void freePortsAreDistinctAndBelowThePortsTheKernelGivesToClientSockets() throws IOException {
        assumeTrue(Files.isReadable(RANGE), "no " + RANGE + ": not Linux, the kernel's range cannot be read");
        int clientsFrom =
                Integer.parseInt(Files.readAllLines(RANGE).get(0).trim().split("\\s+")[0]);
        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            int port = Dynalite.freePort();
            assertTrue(port < clientsFrom, port + " is among the client ports from " + clientsFrom);
            assertTrue(ports.add(port), port + " was given twice");
        }
        int port = Dynalite.freePort();
        try (ServerSocket server = new ServerSocket(port)) {
            assertEquals(port, server.getLocalPort());
        }
    }

    @Test
    void aPortAServerListensOnIsPassedOver() throws IOException {
        try (ServerSocket held = new ServerSocket(LocalPorts.free())) {
            int taken = held.getLocalPort();
            var candidates = IntStream.of(taken, taken, taken + 1).iterator();
            assertEquals(taken + 1, LocalPorts.firstFree(candidates::nextInt, 3));
            var onlyTaken = IntStream.of(taken, taken).iterator();
            var refused = assertThrows(IllegalStateException.class, () -> LocalPorts.firstFree(onlyTaken::nextInt, 2));
            assertTrue(refused.getMessage().contains("no free port"), refused.getMessage());
        }
    }
}
