package dev.listwire.testkit.local;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

/**
 * Free ports for local servers, taken below the kernel's ephemeral range: the ports it gives to
 * outgoing connections (Linux 32768–60999 by default, read from {@code /proc}; 49152–65535 on macOS
 * and Windows). A port found free there stays free until a server binds it unless another server
 * takes it, while a port of the ephemeral range can go to any client socket in the meantime.
 */
final class LocalPorts {

    private static final int LOWEST = 10_000;
    private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    private static final int END = ephemeralStart();
    private static final AtomicInteger NEXT =
            new AtomicInteger(ThreadLocalRandom.current().nextInt(END - LOWEST));

    private LocalPorts() {}

    /** A port no server listens on and the kernel does not hand to clients; a new one each call. */
    static int free() {
        int span = END - LOWEST;
        return firstFree(() -> LOWEST + Math.floorMod(NEXT.getAndIncrement(), span), 200);
    }

    /** The first of {@code tries} candidates that a server could listen on. */
    static int firstFree(IntSupplier candidates, int tries) {
        for (int i = 0; i < tries; i++) {
            int port = candidates.getAsInt();
            if (bindable(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no free port between " + LOWEST + " and " + END + " in " + tries + " tries");
    }

    /**
     * The first port of the ephemeral range, at most 32768 (the lowest of the defaults); 32768 when it
     * cannot be read or leaves too few ports below it.
     */
    private static int ephemeralStart() {
        try {
            String[] range = Files.readAllLines(EPHEMERAL_RANGE).get(0).trim().split("\\s+");
            int start = Integer.parseInt(range[0]);
            return start > LOWEST + 1_000 ? Math.min(start, 32_768) : 32_768;
        } catch (IOException | RuntimeException notLinux) {
            return 32_768;
        }
    }

    /** Whether a server could listen on {@code port} on every interface now. */
    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            return true;
        } catch (IOException taken) {
            return false;
        }
    }
}
