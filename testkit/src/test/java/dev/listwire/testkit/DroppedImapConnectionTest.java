package dev.listwire.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A mail client that logs in over IMAP and goes away without {@code LOGOUT} (a closed laptop, a killed
 * poller) must cost the mail server nothing afterwards. GreenMail 2.1.5 kept such a connection's thread
 * spinning at full CPU; a few hundred of them slowed the devstack's sending to under one email a second.
 */
class DroppedImapConnectionTest {

    /** A thread at full CPU uses about 1,000 ms of it in the one second sampled; an idle one, next to none. */
    private static final long BUSY_CPU_MILLIS = 200;

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private TestMailServer mail;

    @BeforeEach
    void startMailServer() {
        assertTrue(threads.isThreadCpuTimeSupported(), "this JVM cannot measure a thread's CPU time");
        threads.setThreadCpuTimeEnabled(true);
        mail = new TestMailServer();
        mail.start();
    }

    @AfterEach
    void stopMailServer() {
        mail.stop();
    }

    @Test
    void aClientThatDropsItsConnectionWithoutLogoutLeavesNoBusyThread() throws Exception {
        Set<Long> before = liveThreadIds();
        Set<Long> serving;
        try (Socket client = new Socket("127.0.0.1", mail.imapPort())) {
            var in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
            Writer out = new OutputStreamWriter(client.getOutputStream(), StandardCharsets.US_ASCII);
            assertTrue(in.readLine().startsWith("* OK"), "IMAP greeting");
            out.write("a1 LOGIN " + TestMailServer.USER + " " + TestMailServer.PASSWORD + "\r\n");
            out.flush();
            assertTrue(awaitTagged(in, "a1").startsWith("a1 OK"), "logged in");
            serving = liveThreadIds();
            serving.removeAll(before);
        } // closed here: no LOGOUT, as a client that is killed or loses its network
        assertFalse(serving.isEmpty(), "GreenMail serves the connection on a thread of its own");

        Map<Long, Long> busy = cpuMillisOverOneSecond(serving);

        assertEquals(Map.of(), busy, "CPU ms used in one second after the drop, by thread: " + names(busy.keySet()));
    }

    /** The threads among {@code ids} still alive that used {@link #BUSY_CPU_MILLIS} or more in one second. */
    private Map<Long, Long> cpuMillisOverOneSecond(Set<Long> ids) throws InterruptedException {
        Thread.sleep(200); // let the server notice the closed socket
        Map<Long, Long> start = new HashMap<>();
        ids.forEach(id -> start.put(id, threads.getThreadCpuTime(id)));
        Thread.sleep(1_000);
        Map<Long, Long> busy = new HashMap<>();
        start.forEach((id, then) -> {
            long now = threads.getThreadCpuTime(id);
            if (then >= 0 && now >= 0 && (now - then) / 1_000_000 >= BUSY_CPU_MILLIS) {
                busy.put(id, (now - then) / 1_000_000);
            }
        });
        return busy;
    }

    private static String awaitTagged(BufferedReader in, String tag) throws IOException {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (line.startsWith(tag + " ")) {
                return line;
            }
        }
        throw new IOException("the server closed the connection before answering " + tag);
    }

    private Set<Long> liveThreadIds() {
        return Arrays.stream(threads.getAllThreadIds()).boxed().collect(Collectors.toSet());
    }

    private List<String> names(Set<Long> ids) {
        return ids.stream()
                .map(id -> threads.getThreadInfo(id))
                .filter(info -> info != null)
                .map(info -> info.getThreadName())
                .toList();
    }
}
