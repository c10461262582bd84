package dev.listwire.bench;

import java.lang.management.ManagementFactory;

/** Heap in use once the garbage collector has run: what a process keeps, not what it has not yet freed. */
final class Heap {

    private Heap() {}

    static double usedAfterGcMb() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0);
    }
}
