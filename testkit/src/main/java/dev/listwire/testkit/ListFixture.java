package dev.listwire.testkit;

import dev.listwire.common.manifest.ListManifest;
import dev.listwire.testkit.local.LocalResources;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A list's resources on the local stack, fresh for one test: its queue and DLQ, its member table, a
 * delivery ledger, sending counters, a suppression list, an events table and a feedback state table (names
 * made unique, so tests never see each other's data), plus the properties that point a list function (and the
 * feedback function) at them.
 */
public final class ListFixture {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final LocalStack stack;
    private final ListManifest manifest;
    private final String table;
    private final String ledgerTable;
    private final String sendingTable;
    private final String suppressionTable;
    private final String eventsTable;
    private final String feedbackTable;
    private final LocalResources.ListQueues queues;
    private final Map<String, Object> properties = new HashMap<>();

    private ListFixture(LocalStack stack, ListManifest manifest, String manifestLocation) {
        this.stack = stack;
        int n = SEQUENCE.incrementAndGet();
        ListManifest renamed = new ListManifest(
                manifest.name() + "-t" + n,
                manifest.title(),
                manifest.description(),
                manifest.from(),
                manifest.kind(),
                manifest.tuning());
        this.manifest = manifest;
        this.table = renamed.name();
        this.ledgerTable = "listwire-deliveries-t" + n;
        LocalResources resources = new LocalResources(stack.dynamoDb(), stack.sqs());
        this.queues = resources.createList(renamed);
        resources.createLedger(ledgerTable);
        this.sendingTable = "listwire-sending-t" + n;
        resources.createSendingTable(sendingTable);
        this.suppressionTable = "listwire-suppressions-t" + n;
        resources.createSuppressionTable(suppressionTable);
        this.eventsTable = "listwire-events-t" + n;
        resources.createEventsTable(eventsTable);
        this.feedbackTable = "listwire-feedback-t" + n;
        resources.createFeedbackTable(feedbackTable);
        stack.mail().heal();
        try {
            stack.mail().purgeEmailFromAllMailboxes();
        } catch (com.icegreen.greenmail.store.FolderException e) {
            throw new IllegalStateException("cannot empty GreenMail's mailboxes", e);
        }
        properties.putAll(Map.of(
                "aws.region",
                LocalStack.REGION,
                "aws.access-key-id",
                LocalStack.ACCESS_KEY,
                "aws.secret-key",
                LocalStack.SECRET_KEY,
                "aws.services.dynamodb.endpoint-override",
                stack.dynamoDbEndpoint(),
                "aws.services.sqs.endpoint-override",
                stack.sqsEndpoint(),
                "listwire.function.dlq-url",
                queues.dlqUrl(),
                "listwire.function.members-table",
                table,
                "listwire.ledger.table",
                ledgerTable,
                "listwire.links.base-url",
                "https://prefs.listwire.test",
                "listwire.links.key",
                "test-signing-key-0123456789abcdef0123456789"));
        properties.putAll(Map.of(
                "listwire.function.queue-url",
                queues.queueUrl(),
                "listwire.smtp.host",
                "127.0.0.1",
                "listwire.smtp.port",
                stack.mail().smtpPort(),
                "listwire.smtp.starttls",
                false,
                "listwire.smtp.username",
                TestMailServer.USER,
                "listwire.smtp.password",
                TestMailServer.PASSWORD,
                "listwire.manifest",
                manifestLocation));
        // The account's limits are Gmail's by default; tests that are not about them must not wait on them.
        properties.putAll(Map.of(
                "listwire.sending.table", sendingTable,
                "listwire.sending.rate-per-second", 1_000_000,
                "listwire.sending.daily-quota", 100_000_000));
        properties.put("listwire.suppression.table", suppressionTable);
        properties.putAll(Map.of("listwire.events.table", eventsTable, "listwire.feedback.table", feedbackTable));
        // An SMTP refusal defers an event by a minute and more in production; a test resumes it at once (SQS's
        // shortest delay is a second), and a server that stops answering is given up on in 2 s, not 30.
        properties.putAll(Map.of(
                "listwire.refusals.first-deferral", "1s",
                "listwire.refusals.address-retry-delay", "1s",
                "listwire.smtp.read-timeout-millis", 2000));
    }

    /** A fixture for the list whose manifest is {@code list.json} on the class path (a list module's own). */
    public static ListFixture forList() {
        return forManifest("classpath:list.json");
    }

    public static ListFixture forManifest(String location) {
        String path = location.replace("classpath:", "");
        try (InputStream in = ListFixture.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("no list manifest on the class path at " + path);
            }
            return new ListFixture(
                    LocalStack.shared(), JsonMapper.createDefault().readValue(in, ListManifest.class), location);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new, not yet started context for a list function; the function starts it. */
    public ApplicationContext context() {
        return ApplicationContext.builder()
                .deduceEnvironment(false)
                .environments("test")
                .properties(properties)
                .build();
    }

    /**
     * The same settings as environment variables, the way Terraform hands them to the function
     * ({@code listwire.function.dlq-url} becomes {@code LISTWIRE_FUNCTION_DLQ_URL}).
     */
    public Map<String, String> environment() {
        Map<String, String> env = new HashMap<>();
        properties.forEach((name, value) -> {
            if (!name.equals("listwire.manifest")) {
                env.put(
                        name.toUpperCase(java.util.Locale.ROOT)
                                .replace('.', '_')
                                .replace('-', '_'),
                        String.valueOf(value));
            }
        });
        env.put("AWS_REGION", LocalStack.REGION);
        env.put("AWS_ACCESS_KEY_ID", LocalStack.ACCESS_KEY);
        env.put("AWS_SECRET_ACCESS_KEY", LocalStack.SECRET_KEY);
        return env;
    }

    public ListFixture property(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    public ListManifest manifest() {
        return manifest;
    }

    public String queueUrl() {
        return queues.queueUrl();
    }

    public String dlqUrl() {
        return queues.dlqUrl();
    }

    public String ledgerTable() {
        return ledgerTable;
    }

    public String sendingTable() {
        return sendingTable;
    }

    /** This fixture's own suppression list (every list shares one in AWS; each test has its own here). */
    public String suppressionTable() {
        return suppressionTable;
    }

    /** This fixture's own event summaries (see {@code EventSummaries}). */
    public String eventsTable() {
        return eventsTable;
    }

    /** This fixture's own state table of the feedback function ({@code listwire.feedback.table}). */
    public String feedbackTable() {
        return feedbackTable;
    }

    public Members members() {
        return new Members(stack.dynamoDb(), table);
    }

    public TestMailServer mail() {
        return stack.mail();
    }

    public LocalStack stack() {
        return stack;
    }

    /** Helpers to put members in the list's table. */
    public record Members(software.amazon.awssdk.services.dynamodb.DynamoDbClient dynamoDb, String table) {

        public Members add(String email) {
            return add(email, Map.of());
        }

        public Members add(String email, Map<String, AttributeValue> attributes) {
            Map<String, AttributeValue> item = new HashMap<>(attributes);
            item.put("email", AttributeValue.fromS(email));
            dynamoDb.putItem(b -> b.tableName(table).item(item));
            return this;
        }

        public Members unsubscribed(String email) {
            return add(email, Map.of("status", AttributeValue.fromS("unsubscribed")));
        }

        public Members following(String email, List<String> tickers) {
            return add(email, Map.of("tickers", AttributeValue.fromSs(tickers)));
        }

        /** {@code count} members, written 25 to a request. */
        public Members many(String prefix, int count) {
            for (int start = 0; start < count; start += 25) {
                var writes = new java.util.ArrayList<software.amazon.awssdk.services.dynamodb.model.WriteRequest>();
                for (int i = start; i < Math.min(count, start + 25); i++) {
                    String email = prefix + i + "@members.listwire.test";
                    writes.add(software.amazon.awssdk.services.dynamodb.model.WriteRequest.builder()
                            .putRequest(p -> p.item(Map.of("email", AttributeValue.fromS(email))))
                            .build());
                }
                dynamoDb.batchWriteItem(b -> b.requestItems(Map.of(table, writes)));
            }
            return this;
        }
    }
}
