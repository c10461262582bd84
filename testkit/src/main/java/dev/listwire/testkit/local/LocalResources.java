package dev.listwire.testkit.local;

import dev.listwire.common.manifest.ListManifest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.waiters.DynamoDbWaiter;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Creates, on local stand-ins (dynalite, ElasticMQ), what Terraform creates in AWS for a list, from the
 * same manifest: queue {@code <list>}, DLQ {@code <list>-dlq} with the manifest's redrive count, table
 * {@code <list>} keyed by {@code email}, the shared delivery ledger, the sending counters,
 * the suppression list, the event summaries and the feedback function's state. Tests and the devstack use it.
 */
public final class LocalResources {

    private final DynamoDbClient dynamoDb;
    private final SqsClient sqs;

    public LocalResources(DynamoDbClient dynamoDb, SqsClient sqs) {
        this.dynamoDb = dynamoDb;
        this.sqs = sqs;
    }

    /** The URLs of the list's queue and DLQ. */
    public record ListQueues(String queueUrl, String dlqUrl) {}

    public ListQueues createList(ListManifest list) {
        createTable(list.name(), List.of(key("email", KeyType.HASH)));
        String dlqUrl = sqs.createQueue(b -> b.queueName(list.name() + "-dlq")).queueUrl();
        String dlqArn = sqs.getQueueAttributes(b -> b.queueUrl(dlqUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes()
                .get(QueueAttributeName.QUEUE_ARN);
        String redrive = "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\""
                + list.tuning().maxReceives() + "\"}";
        // As Terraform does: the visibility timeout is 6x the function timeout (AWS's advice for Lambda).
        String visibility = Integer.toString(Math.min(43_200, 6 * list.tuning().timeoutSeconds()));
        // Created bare, then configured: a queue kept from an earlier start takes a changed manifest.
        String queueUrl = sqs.createQueue(b -> b.queueName(list.name())).queueUrl();
        sqs.setQueueAttributes(b -> b.queueUrl(queueUrl)
                .attributes(Map.of(
                        QueueAttributeName.REDRIVE_POLICY, redrive,
                        QueueAttributeName.VISIBILITY_TIMEOUT, visibility)));
        return new ListQueues(queueUrl, dlqUrl);
    }

    public void createLedger(String table) {
        createTable(table, List.of(key("event", KeyType.HASH), key("email", KeyType.RANGE)));
    }

    /** The shared rate and quota counters of the sending accounts (see {@code SendingAccount}). */
    public void createSendingTable(String table) {
        createTable(table, List.of(key("account", KeyType.HASH), key("bucket", KeyType.RANGE)));
    }

    /** The suppression list every list shares, keyed by {@code email} (see {@code SuppressedAddresses}). */
    public void createSuppressionTable(String table) {
        createTable(table, List.of(key("email", KeyType.HASH)));
    }

    /**
     * One summary item per event (see {@code EventSummaries}), as Terraform makes it: hash {@code list}, range
     * {@code eventId}, and the local index {@code recent} on {@code firstSeen} (epoch millis), projecting every
     * attribute, that lists a list's events newest first.
     */
    public void createEventsTable(String table) {
        LocalSecondaryIndex recent = LocalSecondaryIndex.builder()
                .indexName("recent")
                .keySchema(key("list", KeyType.HASH), key("firstSeen", KeyType.RANGE))
                .projection(p -> p.projectionType(ProjectionType.ALL))
                .build();
        createTable(
                table,
                List.of(key("list", KeyType.HASH), key("eventId", KeyType.RANGE)),
                b -> b.localSecondaryIndexes(recent),
                List.of(attribute("firstSeen", ScalarAttributeType.N)));
    }

    /** The feedback function's state (mailbox cursor, reports acted on, soft bounces): {@code pk}, {@code sk}. */
    public void createFeedbackTable(String table) {
        createTable(table, List.of(key("pk", KeyType.HASH), key("sk", KeyType.RANGE)));
    }

    private void createTable(String name, List<KeySchemaElement> keys) {
        createTable(name, keys, b -> {}, List.of());
    }

    private void createTable(
            String name,
            List<KeySchemaElement> keys,
            Consumer<CreateTableRequest.Builder> indexes,
            List<AttributeDefinition> indexAttributes) {
        List<AttributeDefinition> attributes = new ArrayList<>(indexAttributes);
        keys.forEach(k -> attributes.add(attribute(k.attributeName(), ScalarAttributeType.S)));
        try {
            dynamoDb.createTable(b -> {
                b.tableName(name)
                        .keySchema(keys)
                        .attributeDefinitions(attributes)
                        .billingMode(BillingMode.PAY_PER_REQUEST);
                indexes.accept(b);
            });
            // dynalite makes a table active a moment after it answers CreateTable; the SDK's waiter would then
            // wait its default 20 s before asking again.
            try (DynamoDbWaiter waiter = DynamoDbWaiter.builder()
                    .client(dynamoDb)
                    .overrideConfiguration(w -> w.backoffStrategyV2(BackoffStrategy.fixedDelay(Duration.ofMillis(20)))
                            .maxAttempts(500))
                    .build()) {
                waiter.waitUntilTableExists(b -> b.tableName(name));
            }
        } catch (ResourceInUseException exists) {
            // Already there from an earlier start: keep its members.
        }
    }

    private static AttributeDefinition attribute(String name, ScalarAttributeType type) {
        return AttributeDefinition.builder()
                .attributeName(name)
                .attributeType(type)
                .build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }
}
