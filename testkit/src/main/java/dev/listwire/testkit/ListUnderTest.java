package dev.listwire.testkit;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.listwire.common.function.ListFunction;
import dev.listwire.common.manifest.ListManifest;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.List;
import java.util.function.Function;

/**
 * A list's function under test, fresh for each test: the list's queue, DLQ and table on the local stack
 * ({@link ListFixture}), the function on a context that points at them, and GreenMail's inbox. A list
 * module's test registers it and says only what its list does:
 *
 * <pre>{@code
 * @RegisterExtension
 * final ListUnderTest<PriceTargetsFunction> list = ListUnderTest.of(PriceTargetsFunction::new);
 * }</pre>
 */
public final class ListUnderTest<F extends ListFunction<?>> implements BeforeEachCallback, AfterEachCallback {

    private final String manifestLocation;
    private final Function<ApplicationContext, F> newFunction;
    private ListFixture fixture;
    private F function;

    private ListUnderTest(String manifestLocation, Function<ApplicationContext, F> newFunction) {
        this.manifestLocation = manifestLocation;
        this.newFunction = newFunction;
    }

    /** For a list module: its own {@code list.json}, on the class path. */
    public static <F extends ListFunction<?>> ListUnderTest<F> of(Function<ApplicationContext, F> newFunction) {
        return of("classpath:list.json", newFunction);
    }

    public static <F extends ListFunction<?>> ListUnderTest<F> of(String manifestLocation,
                                                                 Function<ApplicationContext, F> newFunction) {
        return new ListUnderTest<>(manifestLocation, newFunction);
    }

    @Override
    public void beforeEach(ExtensionContext test) {
        fixture = ListFixture.forManifest(manifestLocation);
        function = newFunction.apply(fixture.context());
    }

    @Override
    public void afterEach(ExtensionContext test) {
        if (function != null) {
            function.close();
        }
    }

    /** Hands the function this event as Lambda would, and returns its batch response. */
    public SQSBatchResponse handle(SQSEvent event) {
        return function.handleRequest(event, null);
    }

    public ListFixture.Members members() {
        return fixture.members();
    }

    public ListManifest manifest() {
        return fixture.manifest();
    }

    public Inbox inbox() {
        return new Inbox(fixture.mail());
    }

    /** Every address that received an email, sorted. */
    public List<String> recipients() {
        return inbox().recipients();
    }

    /** Why each message in the list's DLQ was dead-lettered (its {@code listwire-error}), sorted. */
    public List<String> deadLetterReasons(int expected) {
        return SqsEvents.messages(fixture.stack().sqs(), fixture.dlqUrl(), expected).stream()
                .map(m -> m.messageAttributes().get("listwire-error").stringValue()).sorted().toList();
    }

    public ListFixture fixture() {
        return fixture;
    }

    public F function() {
        return function;
    }
}
