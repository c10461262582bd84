package dev.listwire.feedback;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.env.Environment;
import io.micronaut.function.aws.MicronautRequestHandler;

/**
 * The Lambda handler for the SES source: SES's bounce, complaint and delivery notifications, through SNS to
 * an SQS queue whose event source mapping reports batch item failures.
 */
public final class SesFeedbackHandler extends MicronautRequestHandler<SQSEvent, SQSBatchResponse> {

    private final SesFeedback notifications;

    /** For Lambda: the context from the environment. */
    public SesFeedbackHandler() {
        super();
        this.notifications = getApplicationContext().getBean(SesFeedback.class);
    }

    /** For tests and the devstack: runs on a context the caller built and will close. */
    public SesFeedbackHandler(ApplicationContext context) {
        super(context);
        this.notifications = getApplicationContext().getBean(SesFeedback.class);
    }

    @Override
    protected ApplicationContextBuilder newApplicationContextBuilder() {
        return ApplicationContext.builder().environments(Environment.FUNCTION, "lambda");
    }

    @Override
    public SQSBatchResponse execute(SQSEvent batch) {
        return notifications.handle(batch);
    }
}
