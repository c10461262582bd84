package dev.listwire.common.function;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.listwire.common.members.Member;
import dev.listwire.common.warmup.WarmUp;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.env.Environment;
import io.micronaut.function.aws.MicronautRequestHandler;

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

    private final ListPayload<T> payload;
    private final BatchHandler batches;

    /** For Lambda: starts the application context from {@code application.properties} and the environment. */
    protected ListFunction(Class<T> payloadType) {
        super();
        this.payload = payload(payloadType);
        this.batches = batches();
    }

    /** For tests and the devstack: runs on a context the caller built and will close. */
    protected ListFunction(ApplicationContext context, Class<T> payloadType) {
        super(context);
        this.payload = payload(payloadType);
        this.batches = batches();
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
        return batches.handle(
                event, getApplicationContext().findBean(Context.class).orElse(null), payload);
    }

    /** Whether a member wants this event; every subscribed member does unless a list says otherwise. */
    protected boolean wants(Member member, T event) {
        return true;
    }

    /**
     * First what needs neither the AWS SDK nor Jakarta Mail, while the warm-up may still be loading those:
     * the payload's reader, and the list's templates, checked and compiled once, here.
     */
    private ListPayload<T> payload(Class<T> payloadType) {
        return new ListPayload<>(
                getApplicationContext().getBean(ListStartup.class).start(payloadType), this::wants);
    }

    /** Then, once the warm-up is done, the beans that send: built now, so that a bad one fails the cold start. */
    private BatchHandler batches() {
        WarmUp.awaitDone();
        return getApplicationContext().getBean(BatchHandler.class);
    }
}
