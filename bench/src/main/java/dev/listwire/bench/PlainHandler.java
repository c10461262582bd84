package dev.listwire.bench;

import jakarta.mail.Address;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.URI;
import java.util.Map;
import java.util.Properties;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The start-up baseline: the same work as a list function's first batch, by hand, without Micronaut:
 * scan the members with the AWS SDK, claim each in the ledger, build a text + HTML email, send it over one
 * Jakarta Mail connection. Reads the same environment variables Terraform gives a list function. Its AWS
 * SDK client is url-connection, the lightest to start (its JVM has that jar beside function.jar): the
 * strictest baseline.
 */
final class PlainHandler {

    private PlainHandler() {}

    static int handle(Map<String, String> env, String eventId) throws Exception {
        DynamoDbClient dynamoDb = DynamoDbClient.builder()
                .endpointOverride(URI.create(env.get("AWS_SERVICES_DYNAMODB_ENDPOINT_OVERRIDE")))
                .region(Region.of(env.get("AWS_REGION")))
                .credentialsProvider(EnvironmentVariableCredentialsProvider.create())
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        Properties props = new Properties();
        props.put("mail.smtp.host", env.get("LISTWIRE_SMTP_HOST"));
        props.put("mail.smtp.port", env.get("LISTWIRE_SMTP_PORT"));
        props.put("mail.smtp.auth", "true");
        Session session = Session.getInstance(props);
        int sent = 0;
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect(env.get("LISTWIRE_SMTP_USERNAME"), env.get("LISTWIRE_SMTP_PASSWORD"));
            for (Map<String, AttributeValue> item : dynamoDb.scanPaginator(
                            b -> b.tableName(env.get("LISTWIRE_FUNCTION_MEMBERS_TABLE"))
                                    .consistentRead(true)
                                    .limit(500))
                    .items()) {
                String email = item.get("email").s();
                try {
                    dynamoDb.putItem(b -> b.tableName(env.get("LISTWIRE_LEDGER_TABLE"))
                            .item(Map.of(
                                    "event",
                                    AttributeValue.fromS("plain#" + eventId),
                                    "email",
                                    AttributeValue.fromS(email)))
                            .conditionExpression("attribute_not_exists(email)"));
                } catch (ConditionalCheckFailedException already) {
                    continue;
                }
                MimeMessage message = new MimeMessage(session);
                message.setFrom(new InternetAddress("alerts@listwire.test"));
                InternetAddress to = new InternetAddress(email);
                message.setRecipient(MimeMessage.RecipientType.TO, to);
                message.setSubject("NVDA moved -7.4%");
                MimeBodyPart text = new MimeBodyPart();
                text.setText("NVDA is at 131.20 (-7.4% over 1d).", "UTF-8");
                MimeBodyPart html = new MimeBodyPart();
                html.setContent("<p>NVDA is at <b>131.20</b> (-7.4% over 1d).</p>", "text/html; charset=UTF-8");
                message.setContent(new MimeMultipart("alternative", text, html));
                transport.sendMessage(message, new Address[] {to});
                sent++;
            }
        }
        return sent;
    }
}
