package dev.listwire.feedback;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.env.Environment;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.mail.MessagingException;
import java.util.Map;

/**
 * The Lambda handler for the mailbox source, run by an EventBridge Scheduler schedule (every 15 minutes by
 * default). Its input is ignored; it returns the run's counts. A mailbox that cannot be read fails the run,
 * so that the schedule's retry and the function's error metric see it.
 */
public final class MailboxFeedbackHandler extends MicronautRequestHandler<Map<String, Object>, Map<String, Object>> {

    private final MailboxFeedback mailbox;

    /** For Lambda: the context from the environment, as the list functions start theirs. */
    public MailboxFeedbackHandler() {
        super();
        this.mailbox = getApplicationContext().getBean(MailboxFeedback.class);
    }

    /** For tests and the devstack: runs on a context the caller built and will close. */
    public MailboxFeedbackHandler(ApplicationContext context) {
        super(context);
        this.mailbox = getApplicationContext().getBean(MailboxFeedback.class);
    }

    @Override
    protected ApplicationContextBuilder newApplicationContextBuilder() {
        return ApplicationContext.builder().environments(Environment.FUNCTION, "lambda");
    }

    @Override
    public Map<String, Object> execute(Map<String, Object> ignored) {
        try {
            return mailbox.read();
        } catch (MessagingException e) {
            throw new IllegalStateException("cannot read the sending mailbox: " + e.getMessage(), e);
        }
    }
}
