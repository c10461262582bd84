package dev.listwire.testkit;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.listwire.common.function.ListFunction;
import dev.listwire.common.manifest.ListManifest;
import dev.listwire.common.queue.DeadLetterReasons;
import io.micronaut.context.ApplicationContext;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A list's function under test, fresh for each test: the list's queue, DLQ and table on the local stack
 * ({@link ListFixture}), the function on a context that points at them, GreenMail's inbox and the JSON log
 * lines written while the test runs. A list module's test registers it and says only what its list does:
 *
 * <pre>{@code
 * @RegisterExtension
 * final ListUnderTest<PriceTargetsFunction> list = ListUnderTest.of(PriceTargetsFunction::new);
 * }</pre>
 *
 * <p>A test that needs the function under other settings (a cut SMTP line, a small quota, a clock of its
 * own) starts a second one on the same list: {@code new PriceTargetsFunction(list.property(name, value)
 * .context())}, and closes it itself. A test of another manifest registers its own {@code ListUnderTest},
 * with {@link #of(String, Function)}.
 */
public final class ListUnderTest<F extends ListFunction<?>> implements BeforeEachCallback, AfterEachCallback {

    private final String manifestLocation;
    private final Function<ApplicationContext, F> newFunction;
    private ListFixture fixture;
    private F function;
    private LogCapture logs;

    private ListUnderTest(String manifestLocation, Function<ApplicationContext, F> newFunction) {
        this.manifestLocation = manifestLocation;
        this.newFunction = newFunction;
    }

    /** For a list module: its own {@code list.json}, on the class path. */
    public static <F extends ListFunction<?>> ListUnderTest<F> of(Function<ApplicationContext, F> newFunction) {
        return of("classpath:list.json", newFunction);
    }

    public static <F extends ListFunction<?>> ListUnderTest<F> of(
            String manifestLocation, Function<ApplicationContext, F> newFunction) {
        return new ListUnderTest<>(manifestLocation, newFunction);
    }

    @Override
    public void beforeEach(ExtensionContext test) {
        // Capturing starts before the function does, so that its first lines are in it too.
        logs = new LogCapture();
        fixture = ListFixture.forManifest(manifestLocation);
        function = newFunction.apply(fixture.context());
    }

    @Override
    public void afterEach(ExtensionContext test) {
        if (function != null) {
            function.close();
        }
        if (logs != null) {
            logs.close();
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
                .map(m -> m.messageAttributes().get(DeadLetterReasons.REASON).stringValue())
                .sorted()
                .toList();
    }

    /** The JSON lines listwire logged during this test ({@code event-finished}, {@code recipient-skipped}, ...). */
    public LogCapture logs() {
        return logs;
    }

    /** Sets a property for the functions started from {@link #context()} from now on (not the running one). */
    public ListFixture property(String name, Object value) {
        return fixture.property(name, value);
    }

    /** A new, not yet started context on this list, for a second function the test starts and closes. */
    public ApplicationContext context() {
        return fixture.context();
    }

    public String queueUrl() {
        return fixture.queueUrl();
    }

    public String dlqUrl() {
        return fixture.dlqUrl();
    }

    public String ledgerTable() {
        return fixture.ledgerTable();
    }

    public String sendingTable() {
        return fixture.sendingTable();
    }

    public TestMailServer mail() {
        return fixture.mail();
    }

    public LocalStack stack() {
        return fixture.stack();
    }

    /** The lower level, for what the delegates above do not reach. */
    public ListFixture fixture() {
        return fixture;
    }

    public F function() {
        return function;
    }
}
