package dev.listwire.common.threads;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.function.Supplier;

/**
 * The work a function overlaps with sending: ledger claims, sent marks, the next members page, the next
 * block of sends. One pool of daemon threads (none keeps a JVM alive), made when needed and ended after a
 * minute idle; each caller bounds how much it has on its way. A failure comes back as it would have been
 * thrown on the caller's thread.
 */
public final class Background {

    private static final ExecutorService THREADS = Executors.newCachedThreadPool(named("listwire-background"));

    private Background() {}

    public static <T> CompletableFuture<T> supply(Supplier<T> work) {
        return CompletableFuture.supplyAsync(work, THREADS);
    }

    /** Runs {@code work} after {@code before}, in the background. */
    public static CompletableFuture<Void> then(CompletableFuture<Void> before, Runnable work) {
        return before.thenRunAsync(work, THREADS);
    }

    /** Waits for {@code future}; its failure is thrown unwrapped when it is a runtime exception. */
    public static <T> T await(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /**
     * Waits for {@code future}; a failure of type {@code checked} is thrown as itself, any other as
     * {@link #await(CompletableFuture)} throws it.
     */
    public static <T, X extends Exception> T await(CompletableFuture<T> future, Class<X> checked) throws X {
        try {
            return await(future);
        } catch (CompletionException e) {
            if (checked.isInstance(e.getCause())) {
                throw checked.cast(e.getCause());
            }
            throw e;
        }
    }

    /** A fixed pool of daemon threads of its own, for work that holds a resource per thread. */
    public static ExecutorService fixed(int threads, String name) {
        return Executors.newFixedThreadPool(threads, named(name));
    }

    /** Daemon threads named {@code name}: none keeps a JVM alive. */
    public static ThreadFactory named(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
