package dev.listwire.common.mail;

import dev.listwire.common.threads.Background;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The one timer thread behind every SMTP connection's write timeout ({@code mail.smtp.writetimeout}).
 *
 * <p>Angus Mail bounds each socket write by scheduling a task that closes the socket when the write
 * outlasts the timeout, and cancelling it after the write. Left to itself it makes a timer thread per
 * connection, whose queue is empty between writes: every write's task is then the queue's first, and
 * scheduling it wakes that thread at every write, for nothing. Here one thread serves every connection
 * ({@code mail.smtp.executor.writetimeout}), and a task that comes round every second stays ahead of any
 * write's deadline, so a write only adds its task to the queue and takes it out. A write that outlasts the
 * timeout still has its socket closed, within the timeout.
 */
final class WriteTimeouts {

    /** The session property that hands Angus Mail the timer. */
    static final String PROPERTY = "mail.smtp.executor.writetimeout";

    private static final ScheduledExecutorService TIMER = create();

    private WriteTimeouts() {}

    /** The JVM's one timer for SMTP writes; its thread is a daemon's. */
    static ScheduledExecutorService timer() {
        return TIMER;
    }

    private static ScheduledExecutorService create() {
        ScheduledThreadPoolExecutor timer =
                new ScheduledThreadPoolExecutor(1, Background.named("listwire-smtp-write-timeouts"));
        // A cancelled write's task leaves the queue at once: it holds only the writes under way.
        timer.setRemoveOnCancelPolicy(true);
        timer.scheduleAtFixedRate(() -> {}, 1, 1, TimeUnit.SECONDS);
        return timer;
    }
}
