package dev.listwire.devstack.stack;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Where the devstack's parts listen, and AWS SDK clients for them. Local parts take any credentials;
 * these are fixed so that nothing from the shell's AWS profile is ever sent to them.
 */
public record LocalEndpoints(Ports ports) {

    public static final String REGION = "us-east-1";
    public static final String ACCESS_KEY = "devstack";
    public static final String SECRET_KEY = "devstack";
    /** The SMTP login every list function uses in the devstack (GreenMail: password = the address). */
    public static final String SMTP_USER = "devstack@listwire.local";

    public String sqs() {
        return "http://localhost:" + ports.sqs();
    }

    public String dynamoDb() {
        return "http://localhost:" + ports.dynamoDb();
    }

    public String web() {
        return "http://localhost:" + ports.http();
    }

    public DynamoDbClient dynamoDbClient() {
        return DynamoDbClient.builder()
                .endpointOverride(URI.create(dynamoDb()))
                .region(Region.of(REGION))
                .credentialsProvider(credentials())
                .httpClient(ApacheHttpClient.create())
                .build();
    }

    public SqsClient sqsClient() {
        return SqsClient.builder()
                .endpointOverride(URI.create(sqs()))
                .region(Region.of(REGION))
                .credentialsProvider(credentials())
                .httpClient(ApacheHttpClient.create())
                .build();
    }

    /** The Micronaut properties that point a list function (or the preference center) at these parts. */
    public Map<String, Object> functionProperties() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("aws.region", REGION);
        p.put("aws.access-key-id", ACCESS_KEY);
        p.put("aws.secret-key", SECRET_KEY);
        p.put("aws.services.dynamodb.endpoint-override", dynamoDb());
        p.put("aws.services.sqs.endpoint-override", sqs());
        p.put("listwire.smtp.host", "127.0.0.1");
        p.put("listwire.smtp.port", ports.smtp());
        p.put("listwire.smtp.starttls", false);
        p.put("listwire.smtp.username", SMTP_USER);
        p.put("listwire.smtp.password", SMTP_USER);
        p.put("listwire.links.base-url", web());
        p.put("listwire.subscriptions.links.localhost", true); // plain-HTTP localhost links: this machine only
        return p;
    }

    private static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY));
    }
}
