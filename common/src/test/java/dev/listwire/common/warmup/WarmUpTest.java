package dev.listwire.common.warmup;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class WarmUpTest {

    @Test
    void theWarmUpRunsToTheEndOnTheseDependencies() {
        // A warm-up that fails is swallowed at cold start (only the speed suffers), so it is caught here.
        assertDoesNotThrow(WarmUp::run);
    }

    @Test
    void itWarmsUpOnlyWhereASecondProcessorCanDoItUnlessToldOtherwise() {
        assertTrue(WarmUp.enabled(null, 2));
        assertFalse(WarmUp.enabled(null, 1));
        assertTrue(WarmUp.enabled("true", 1));
        assertFalse(WarmUp.enabled("false", 8));
    }

    @Test
    void theOfflineClientAnswersTheSdkWithoutTheNetwork() {
        // No endpoint override and no credentials that AWS would accept: only an answer from inside the JVM can
        // succeed.
        try (DynamoDbClient dynamoDb = DynamoDbClient.builder()
                .httpClient(new OfflineHttpClient())
                .region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("none", "none")))
                .build()) {
            var response =
                    dynamoDb.getItem(b -> b.tableName("nothing").key(Map.of("email", AttributeValue.fromS("a@b.c"))));
            assertEquals(200, response.sdkHttpResponse().statusCode());
            // The answer carries an item, so that the warm-up also runs the SDK's reading of attribute values.
            assertEquals(
                    "warm-up@listwire.invalid", response.item().get("email").s());
            assertEquals(
                    List.of("a"),
                    response.item().get("tags").l().stream()
                            .map(AttributeValue::s)
                            .toList());
            assertEquals(1, dynamoDb.scan(b -> b.tableName("nothing")).items().size());
        }
    }
}
