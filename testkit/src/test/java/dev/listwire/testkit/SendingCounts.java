package dev.listwire.testkit;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** What the account's shared counters in a sending table hold, read back by the tests. */
public final class SendingCounts {

    private SendingCounts() {}

    /** The sends the account has counted, every hour's item together (strongly consistent). */
    public static long sent(DynamoDbClient dynamoDb, String table) {
        return dynamoDb.scan(b -> b.tableName(table).consistentRead(true)).items().stream()
                .filter(item -> item.containsKey("sent"))
                .mapToLong(item -> Long.parseLong(item.get("sent").n()))
                .sum();
    }
}
