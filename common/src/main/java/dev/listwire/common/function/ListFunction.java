package dev.listwire.common.function;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.listwire.common.logging.JsonLines;
import dev.listwire.common.mail.EmailRenderer;
import dev.listwire.common.mail.SmtpConfiguration;
import dev.listwire.common.manifest.ListManifest;
import dev.listwire.common.members.Member;
import dev.listwire.common.payload.PayloadReader;
import dev.listwire.common.warmup.WarmUp;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.env.Environment;
import io.micronaut.function.aws.MicronautRequestHandler;
import io.micronaut.json.JsonMapper;
import jakarta.validation.Validator;

/**
 * The Lambda handler of a list: subclass it with the list's payload record, and override
 * {@link #wants(Member, Object)} when only some members want an event.
 *
 * <pre>{@code
 * public final class PriceTargetsFunction extends ListFunction<PriceTarget> {
 *     public PriceTargetsFunction() { super(PriceTarget.class); }
 * }
 * }</pre>
 *
 * Everything is built once, at cold start; an invocation only reads, renders and sends.
 */
public abstract class ListFunction<T> extends MicronautRequestHandler<SQSEvent, SQSBatchResponse> {

    static {
        // Loads the AWS SDK, Jakarta Mail and Handlebars on a second thread while the context starts.
        WarmUp.start();
    }

    private final BatchHandler<T> batches;

    /** For Lambda: starts the application context from {@code application.properties} and the environment. */
    protected ListFunction(Class<T> payloadType) {
        super();
        this.batches = batches(payloadType);
    }

    /** For tests and the devstack: runs on a context the caller built and will close. */
    protected ListFunction(ApplicationContext context, Class<T> payloadType) {
        super(context);
        this.batches = batches(payloadType);
    }

    /*
     * Lambda's own builder creates every singleton on the class path at cold start: the SSM, SQS and Jackson
     * beans, micronaut-email's sender, views' renderers, whether this list uses them or not (about 900
     * classes, BENCHMARKS.md). The same environments without that: the constructor still builds, and so
     * checks, every bean an invocation uses, before SnapStart's snapshot.
     */
    @Override
    protected ApplicationContextBuilder newApplicationContextBuilder() {
        return ApplicationContext.builder().environments(Environment.FUNCTION, "lambda");
    }

    @Override
    public final SQSBatchResponse execute(SQSEvent event) {
        // MicronautRequestHandler registers each invocation's Lambda context as a bean before it calls this.
        return batches.handle(event, getApplicationContext().findBean(Context.class).orElse(null));
    }

    /** Whether a member wants this event; every subscribed member does unless a list says otherwise. */
    protected boolean wants(Member member, T event) {
        return true;
    }

    private BatchHandler<T> batches(Class<T> payloadType) {
        ApplicationContext context = getApplicationContext();
        // First what needs neither the AWS SDK nor Jakarta Mail (the warm-up may still be loading those):
        // the payload's reader, and the list's templates, checked and compiled once, here.
        PayloadReader<T> reader = new PayloadReader<>(payloadType, context.getBean(JsonMapper.class),
                context.getBean(Validator.class));
        context.getBean(EmailRenderer.class).requireTemplates(context.getBean(ListManifest.class).name());
        WarmUp.awaitDone();
        return new BatchHandler<>(context.getBean(EventFanOut.class), context.getBean(Continuations.class),
                context.getBean(FunctionConfiguration.class), context.getBean(SmtpConfiguration.class),
                context.getBean(DeadLetterQueue.class), reader, this::wants, context.getBean(JsonLines.class));
    }
}
