package dev.listwire.testkit;

import dev.listwire.testkit.local.Dynalite;
import java.net.URI;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The real local parts, started once per test JVM and stopped when it exits: dynalite for DynamoDB,
 * ElasticMQ (embedded) for SQS, GreenMail (embedded) for SMTP and IMAP. No manual step.
 */
public final class LocalStack {

    public static final String REGION = "us-east-1";
    public static final String ACCESS_KEY = "local";
    public static final String SECRET_KEY = "local";

    private static LocalStack shared;

    private final Dynalite dynalite;
    private final SQSRestServer elasticMq;
    private final String sqsEndpoint;
    private final TestMailServer mail;
    private final DynamoDbClient dynamoDb;
    private final SqsClient sqs;

    private LocalStack() {
        this.dynalite = Dynalite.start();
        this.elasticMq = SQSRestServerBuilder.withInterface("127.0.0.1")
                .withPort(Dynalite.freePort())
                .start();
        this.elasticMq.waitUntilStarted();
        this.sqsEndpoint = "http://127.0.0.1:"
                + elasticMq.waitUntilStarted().localAddress().getPort();
        this.mail = new TestMailServer();
        this.mail.start();
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY));
        this.dynamoDb = DynamoDbClient.builder()
                .endpointOverride(URI.create(dynalite.endpoint()))
                .region(Region.of(REGION))
                .credentialsProvider(credentials)
                .httpClient(ApacheHttpClient.create())
                .build();
        this.sqs = SqsClient.builder()
                .endpointOverride(URI.create(sqsEndpoint))
                .region(Region.of(REGION))
                .credentialsProvider(credentials)
                .httpClient(ApacheHttpClient.create())
                .build();
    }

    public static synchronized LocalStack shared() {
        if (shared == null) {
            shared = new LocalStack();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "local-stack-stop"));
        }
        return shared;
    }

    public DynamoDbClient dynamoDb() {
        return dynamoDb;
    }

    public SqsClient sqs() {
        return sqs;
    }

    public TestMailServer mail() {
        return mail;
    }

    public String dynamoDbEndpoint() {
        return dynalite.endpoint();
    }

    public String sqsEndpoint() {
        return sqsEndpoint;
    }

    private void stop() {
        mail.stop();
        elasticMq.stopAndWait();
        dynalite.close();
    }
}
