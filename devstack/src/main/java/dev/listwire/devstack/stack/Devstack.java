package dev.listwire.devstack.stack;

import dev.listwire.devstack.lambda.EventSourceMapping;
import dev.listwire.devstack.lambda.IsolatedFunction;
import dev.listwire.devstack.lists.ListDirectory;
import dev.listwire.devstack.lists.ListModule;
import dev.listwire.testkit.local.Dynalite;
import dev.listwire.testkit.local.LocalResources;
import dev.listwire.testkit.local.LocalResources.ListQueues;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The whole system on one machine: dynalite, ElasticMQ and GreenMail on the usual ports, every list under
 * {@code lists/} created from its manifest and run from its own {@code function.jar}, fed by an event source
 * mapping, and the web server (mail viewer) on :8080. Closing it stops polling first, so that no message
 * is lost: batches being handled finish, and messages not yet handled go back to their queue.
 */
public final class Devstack implements AutoCloseable {

    public static final String LEDGER_TABLE = "listwire-deliveries";
    public static final String SENDING_TABLE = "listwire-sending";
    /** Terraform's default name, which {@code ./listwire suppressions} also takes by default. */
    public static final String SUPPRESSION_TABLE = "listwire-suppressions";
    /** Terraform's default name, which {@code ./listwire events} also takes by default. */
    public static final String EVENTS_TABLE = "listwire-events";
    /** The feedback function's state: its mailbox cursor, the reports it acted on, soft bounces. */
    public static final String FEEDBACK_TABLE = "listwire-feedback";

    private static final long DRAIN_MILLIS = 30_000;

    private final LocalEndpoints endpoints;
    private final Deque<AutoCloseable> toClose = new ArrayDeque<>();
    private final List<EventSourceMapping> mappings = new ArrayList<>();
    private final List<RunningList> lists = new ArrayList<>();
    private final Map<String, IsolatedFunction> functions = new java.util.concurrent.ConcurrentHashMap<>();
    private final Optional<SmtpRelay> relay;
    private Optional<FeedbackPolling> feedback = Optional.empty();
    private MailServer mail;
    private String linksKey;

    private Devstack(LocalEndpoints endpoints, Optional<SmtpRelay> relay) {
        this.endpoints = endpoints;
        this.relay = relay;
    }

    public static Devstack start(DevstackSettings settings) {
        settings.ports().requireFree(settings.relay().isEmpty());
        List<ListModule> modules = new ListDirectory(settings.lists()).all();
        Devstack stack = new Devstack(new LocalEndpoints(settings.ports()), settings.relay());
        try {
            stack.startParts(settings);
            stack.startLists(settings, modules);
            settings.mail().feedback().ifPresent(stack::startFeedback);
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    /** Forgets every table, queued message and the local link key. */
    public static void reset(java.nio.file.Path state) {
        StateDirectory.delete(state);
    }

    public LocalEndpoints endpoints() {
        return endpoints;
    }

    public List<RunningList> lists() {
        return List.copyOf(lists);
    }

    public MailServer mail() {
        return mail;
    }

    /** How the feedback function polls the sending account's mailbox; empty when it does not run. */
    public Optional<FeedbackPolling> feedback() {
        return feedback;
    }

    private void startParts(DevstackSettings settings) {
        StateDirectory state = new StateDirectory(settings.state());
        Ports ports = settings.ports();
        toClose.push(Dynalite.start(
                ports.dynamoDb(),
                Optional.of(state.dynamoDb()),
                java.lang.ProcessBuilder.Redirect.appendTo(state.log("dynalite").toFile())));
        toClose.push(SqsServer.start(ports.sqs(), settings.state()));
        mail = relay.map(MailServer::relaying).orElseGet(() -> MailServer.start(ports.smtp(), ports.imap()));
        toClose.push(mail);
        Map<String, Object> web = smtpProperties(); // the preference center's link emails go where the lists' go
        web.put("micronaut.server.port", ports.http());
        web.put("micronaut.server.host", "127.0.0.1");
        linksKey = state.linksKey();
        web.put("listwire.links.key", linksKey);
        // The preference center lists every list found under lists/, not only those bundled at build time.
        web.put("listwire.subscriptions.manifests-dir", settings.lists().toString());
        web.put("listwire.ledger.table", LEDGER_TABLE);
        web.put("listwire.suppression.table", SUPPRESSION_TABLE);
        // The "email me a link" emails reserve from the account the lists send with, under its limits.
        web.putAll(sendingAccount());
        ApplicationContext server = Micronaut.build(new String[0])
                .properties(web)
                .singletons(mail)
                .deduceEnvironment(false)
                .banner(false)
                .start();
        toClose.push(server);
    }

    private void startLists(DevstackSettings settings, List<ListModule> modules) {
        DynamoDbClient dynamoDb = endpoints.dynamoDbClient();
        SqsClient sqs = endpoints.sqsClient();
        toClose.push(dynamoDb);
        toClose.push(sqs);
        LocalResources resources = new LocalResources(dynamoDb, sqs);
        resources.createLedger(LEDGER_TABLE);
        resources.createSendingTable(SENDING_TABLE);
        resources.createSuppressionTable(SUPPRESSION_TABLE);
        resources.createEventsTable(EVENTS_TABLE);
        resources.createFeedbackTable(FEEDBACK_TABLE);
        // Lists start side by side: most of a list's start is its own Micronaut context coming up.
        List<CompletableFuture<RunningList>> starting = modules.stream()
                .map(module -> CompletableFuture.supplyAsync(() -> startList(settings, resources, dynamoDb, module)))
                .toList();
        for (CompletableFuture<RunningList> list : starting) {
            try {
                lists.add(list.join());
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
        for (RunningList list : lists) {
            String arn = sqs.getQueueAttributes(
                            b -> b.queueUrl(list.queues().queueUrl()).attributeNames(QueueAttributeName.QUEUE_ARN))
                    .attributes()
                    .get(QueueAttributeName.QUEUE_ARN);
            mappings.add(new EventSourceMapping(
                    sqs,
                    functions.get(list.module().name()),
                    list.module().manifest(),
                    list.queues().queueUrl(),
                    arn));
        }
        mappings.forEach(EventSourceMapping::start);
    }

    private RunningList startList(
            DevstackSettings settings, LocalResources resources, DynamoDbClient dynamoDb, ListModule module) {
        ListQueues queues = resources.createList(module.manifest());
        int seeded = settings.demo() ? DemoMembers.seed(dynamoDb, module) : 0;
        IsolatedFunction function =
                IsolatedFunction.start(module.name(), module.functionJar(), properties(module, queues));
        synchronized (this) {
            toClose.push(function);
            functions.put(module.name(), function);
        }
        return new RunningList(module, queues, seeded);
    }

    private Map<String, Object> properties(ListModule module, ListQueues queues) {
        Map<String, Object> p = smtpProperties();
        p.put("listwire.function.dlq-url", queues.dlqUrl());
        p.put("listwire.function.queue-url", queues.queueUrl());
        p.put("listwire.function.members-table", module.name());
        p.put("listwire.ledger.table", LEDGER_TABLE);
        p.put("listwire.suppression.table", SUPPRESSION_TABLE);
        p.put("listwire.events.table", EVENTS_TABLE);
        p.putAll(sendingAccount());
        p.put("listwire.links.key", linksKey);
        return p;
    }

    /** The feedback function, reading what comes back to the sending account; closed before the tables stop. */
    private void startFeedback(FeedbackPolling polling) {
        Map<String, Object> p = smtpProperties();
        p.put("listwire.ledger.table", LEDGER_TABLE);
        p.put("listwire.events.table", EVENTS_TABLE);
        p.put("listwire.suppression.table", SUPPRESSION_TABLE);
        p.put("listwire.feedback.table", FEEDBACK_TABLE);
        p.put("listwire.links.key", linksKey);
        p.putAll(FeedbackFunction.mailboxProperties(endpoints.ports(), lists));
        toClose.push(FeedbackFunction.start(polling, p));
        feedback = Optional.of(polling);
    }

    /** The account every list and the preference center send with. */
    private Map<String, Object> sendingAccount() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("listwire.sending.table", SENDING_TABLE);
        if (relay.isEmpty()) {
            // GreenMail has no provider limits; Gmail's would make a demo of a long list take days. A real
            // server keeps the functions' defaults (Gmail's), since it enforces its own.
            p.put("listwire.sending.rate-per-second", 200);
            p.put("listwire.sending.daily-quota", 10_000_000);
        }
        return p;
    }

    /** The local parts' endpoints, with the SMTP server replaced by the real one when there is one. */
    private Map<String, Object> smtpProperties() {
        Map<String, Object> p = new LinkedHashMap<>(endpoints.functionProperties());
        relay.ifPresent(r -> p.putAll(r.functionProperties()));
        return p;
    }

    @Override
    public void close() {
        for (EventSourceMapping mapping : mappings) {
            try {
                mapping.stop(DRAIN_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        while (!toClose.isEmpty()) {
            try {
                toClose.pop().close();
            } catch (Exception e) {
                System.err.println("devstack: stopping a part failed: " + e);
            }
        }
        endpoints.ports().awaitFree(Duration.ofSeconds(15));
    }
}
