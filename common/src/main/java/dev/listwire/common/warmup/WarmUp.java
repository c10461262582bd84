package dev.listwire.common.warmup;

import com.github.jknack.handlebars.Handlebars;
import dev.listwire.common.threads.Background;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Cold start on two threads. Most of a cold start is loading and initialising classes, one thread after
 * the other: the application context, the payload's reader, the templates, the AWS SDK and Jakarta
 * Mail. The last three do not need the context, so a daemon thread loads them (by using them on
 * throwaway objects: AWS SDK clients whose HTTP client never leaves the JVM, an email written to
 * nowhere, an inline template) while the main thread does the rest. Nothing leaves the JVM, nothing is
 * kept.
 *
 * <p>{@link #awaitDone()} comes before the function builds the beans that use the AWS SDK or Jakarta
 * Mail, so that the two threads do not initialise those classes at once. On one CPU the two threads
 * only take turns, and the warm-up's own work makes the start slower (measured: BENCHMARKS.md), so it
 * runs only where the JVM sees more than one processor. {@code -Dlistwire.warm-up=true} or {@code false}
 * decides instead. Under SnapStart the warmed request path is in the snapshot too.
 */
public final class WarmUp {

    /** Never sent anywhere: the offline HTTP client answers every request. */
    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("warm-up", "warm-up"));

    private static final CompletableFuture<Void> DONE =
            enabled(System.getProperty("listwire.warm-up"), Runtime.getRuntime().availableProcessors())
                    ? CompletableFuture.runAsync(
                            WarmUp::run,
                            command -> Background.named("listwire-warm-up")
                                    .newThread(command)
                                    .start())
                    : CompletableFuture.completedFuture(null);

    private WarmUp() {}

    /** Starts the warm-up, once per class loader; the first call is the one that counts. */
    public static void start() {
        // Loading this class started it.
    }

    /** Waits for the warm-up; a warm-up that failed only means a slower start, never a failed one. */
    public static void awaitDone() {
        DONE.exceptionally(failed -> null).join();
    }

    /** Whether to warm up: as {@code listwire.warm-up} says, and when it says nothing, on more than one processor. */
    static boolean enabled(String property, int processors) {
        return property == null ? processors > 1 : Boolean.parseBoolean(property);
    }

    /** The warm-up itself, on the calling thread; a failure is thrown (at cold start it is swallowed). */
    static void run() {
        awsSdk();
        queues();
        email();
        templates();
    }

    private static void awsSdk() {
        ApacheHttpClient.builder().build().close();
        try (DynamoDbClient dynamoDb = DynamoDbClient.builder()
                .httpClient(new OfflineHttpClient())
                .region(Region.US_EAST_1)
                .credentialsProvider(CREDENTIALS)
                .build()) {
            Map<String, AttributeValue> key = Map.of("email", AttributeValue.fromS("warm-up@listwire.invalid"));
            dynamoDb.scan(b -> b.tableName("warm-up").limit(1).exclusiveStartKey(key));
            dynamoDb.putItem(b -> b.tableName("warm-up")
                    .item(key)
                    .conditionExpression("attribute_not_exists(#e)")
                    .expressionAttributeNames(Map.of("#e", "email"))
                    .expressionAttributeValues(Map.of(":n", AttributeValue.fromN("1")))
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
            dynamoDb.updateItem(b -> b.tableName("warm-up")
                    .key(key)
                    .updateExpression("ADD #n :n")
                    .expressionAttributeNames(Map.of("#n", "n"))
                    .expressionAttributeValues(Map.of(":n", AttributeValue.fromN("1"))));
            dynamoDb.batchWriteItem(b -> b.requestItems(Map.of(
                    "warm-up",
                    List.of(WriteRequest.builder()
                            .putRequest(PutRequest.builder().item(key).build())
                            .build()))));
            dynamoDb.batchGetItem(b -> b.requestItems(
                    Map.of("warm-up", KeysAndAttributes.builder().keys(key).build())));
            dynamoDb.getItem(b -> b.tableName("warm-up").key(key).consistentRead(true));
            dynamoDb.deleteItem(b -> b.tableName("warm-up")
                    .key(key)
                    .conditionExpression("attribute_exists(#e)")
                    .expressionAttributeNames(Map.of("#e", "email")));
        }
    }

    /** The SQS client that continuations and the dead-letter queue use: built, and one call that checks no digest. */
    private static void queues() {
        try (SqsClient sqs = SqsClient.builder()
                .httpClient(new OfflineHttpClient())
                .region(Region.US_EAST_1)
                .credentialsProvider(CREDENTIALS)
                .build()) {
            sqs.getQueueUrl(b -> b.queueName("warm-up"));
        }
    }

    /** Handlebars' parser, last: the main thread compiles the list's templates at about this time. */
    private static void templates() {
        try {
            new Handlebars()
                    .compileInline("{{#if a}}{{a.b}}{{else}}{{c}}{{/if}}{{#each d}}{{this}}{{/each}}")
                    .apply(Map.of("a", Map.of("b", "<warm-up>"), "d", List.of(1, 2)));
        } catch (IOException e) {
            throw new IllegalStateException("the template warm-up failed", e);
        }
    }

    private static void email() {
        try {
            Session session = Session.getInstance(new Properties());
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress("warm-up@listwire.invalid", "Warm-up"));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress("member@listwire.invalid"));
            message.setSubject("Warm-up ✓", "UTF-8");
            MimeMultipart alternative = new MimeMultipart("alternative");
            MimeBodyPart text = new MimeBodyPart();
            text.setText("Warm-up ✓", "UTF-8");
            alternative.addBodyPart(text);
            MimeBodyPart html = new MimeBodyPart();
            html.setText("<p>Warm-up ✓</p>", "UTF-8", "html");
            alternative.addBodyPart(html);
            message.setContent(alternative);
            message.saveChanges();
            message.writeTo(OutputStream.nullOutputStream());
            session.getTransport("smtp").close();
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("the email warm-up failed", e);
        }
    }
}
