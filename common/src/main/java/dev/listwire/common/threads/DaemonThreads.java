package dev.listwire.common.threads;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;

/**
 * Threads for the work a function overlaps with sending (claims, the next page, the next block of sends,
 * SMTP connections): daemons, so that none of them keeps a JVM alive, named for thread dumps.
 */
public final class DaemonThreads {

    private DaemonThreads() {
    }

    public static ThreadFactory named(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /** Made when needed, ended after a minute idle. */
    public static ExecutorService cached(String name) {
        return Executors.newCachedThreadPool(named(name));
    }

    public static ExecutorService fixed(int threads, String name) {
        return Executors.newFixedThreadPool(threads, named(name));
    }
}
