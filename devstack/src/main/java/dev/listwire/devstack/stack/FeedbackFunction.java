package dev.listwire.devstack.stack;

import dev.listwire.devstack.lambda.Schedule;
import dev.listwire.devstack.lambda.ScheduledFunction;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The feedback function on the devstack: its {@code function.jar} loaded as Lambda loads it, with the handler
 * Terraform names for {@code var.feedback.source = "imap"}, reading the sending account's mailbox in GreenMail
 * over plain IMAP and acting on the devstack's tables, invoked by a {@link Schedule} as the EventBridge
 * schedule invokes it. Loaded like a list rather than in the devstack's own class path: it is the deployable
 * artifact that runs, and its context is built from these properties alone, so no {@code LISTWIRE_*} variable
 * of the shell can point it at a real mailbox (whose messages it would move).
 */
final class FeedbackFunction implements AutoCloseable {

    static final String HANDLER = "dev.listwire.feedback.MailboxFeedbackHandler";
    /** What the schedule's target sends ({@code input = jsonencode({})} in modules/feedback); it is ignored. */
    static final String INPUT = "{}";
    /** modules/feedback's default {@code timeout_seconds}: what a run's remaining time counts down from. */
    static final Duration TIMEOUT = Duration.ofSeconds(120);

    private final ScheduledFunction function;
    private final Schedule schedule;

    private FeedbackFunction(ScheduledFunction function, Schedule schedule) {
        this.function = function;
        this.schedule = schedule;
    }

    /** Starts the function on {@code properties} (the devstack's tables, link key and mailbox) and its schedule. */
    static FeedbackFunction start(FeedbackPolling polling, Map<String, Object> properties) {
        ScheduledFunction function = ScheduledFunction.start("feedback", polling.jar(), HANDLER, properties);
        Schedule schedule =
                Schedule.every(function.name(), polling.every(), () -> function.invoke(INPUT, TIMEOUT.toMillis()));
        return new FeedbackFunction(function, schedule);
    }

    /**
     * The mailbox part of its configuration: GreenMail's IMAP, no TLS, logged in as the account the lists
     * send with; and every list's members table, where a complaint is recorded.
     */
    static Map<String, Object> mailboxProperties(Ports ports, List<RunningList> lists) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("listwire.feedback.mailbox.host", "127.0.0.1");
        p.put("listwire.feedback.mailbox.port", ports.imap());
        p.put("listwire.feedback.mailbox.ssl", false);
        p.put("listwire.feedback.mailbox.username", LocalEndpoints.SMTP_USER);
        p.put("listwire.feedback.mailbox.password", LocalEndpoints.SMTP_USER);
        // Each list's table is named like the list on the devstack, as Terraform names it by default.
        p.put(
                "listwire.feedback.member-tables",
                lists.stream()
                        .map(l -> l.module().name() + "=" + l.module().name())
                        .collect(Collectors.joining(",")));
        return p;
    }

    /** Stops the schedule (a run in progress finishes first), then the function. */
    @Override
    public void close() {
        try {
            schedule.close();
        } finally {
            function.close();
        }
    }
}
