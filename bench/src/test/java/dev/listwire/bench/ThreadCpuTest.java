package dev.listwire.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class ThreadCpuTest {

    @Test
    void groupsThreadsByTheirNameWithoutNumbers() {
        assertEquals("listwire-smtp", ThreadCpu.group("listwire-smtp-12"));
        assertEquals("listwire-background", ThreadCpu.group("listwire-background-3"));
        assertEquals("pool-thread", ThreadCpu.group("pool-7-thread-1"));
        assertEquals("Reference_Handler", ThreadCpu.group("Reference Handler"));
    }

    @Test
    void countsTheCpuOfABusyThreadUnderItsGroupAndParsesBack() throws Exception {
        ThreadCpu cpu = new ThreadCpu();
        CountDownLatch spun = new CountDownLatch(1);
        CountDownLatch read = new CountDownLatch(1);
        Thread busy = new Thread(
                () -> {
                    long until = System.nanoTime() + 200_000_000L;
                    long x = 0;
                    while (System.nanoTime() < until) {
                        x += until % 7;
                    }
                    spun.countDown();
                    try {
                        read.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    assertTrue(x >= 0);
                },
                "bench-busy-7");
        busy.start();
        spun.await();
        String groups = cpu.since();
        read.countDown();
        busy.join();

        Map<String, Long> parsed = ThreadCpu.parse(groups);
        assertTrue(parsed.getOrDefault("bench-busy", 0L) > 50_000_000L, groups);
        assertEquals(groups.split(",").length, parsed.size(), groups);
    }
}
