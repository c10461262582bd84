package dev.listwire.common.members;

import jakarta.inject.Singleton;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * A list's members, read with DynamoDB {@code Scan} one page ({@code listwire.members.page-size} items,
 * 500 by default) at a time: the next page is asked for while the current one is sent ({@link ScanPages}),
 * so memory holds two pages whatever the size of the list. {@code Scan} is the right call because a
 * member table is keyed by {@code email} alone.
 */
@Singleton
public final class MemberTable {

    private final DynamoDbClient dynamoDb;
    private final int pageSize;

    public MemberTable(DynamoDbClient dynamoDb, MembersConfiguration configuration) {
        this.dynamoDb = dynamoDb;
        this.pageSize = configuration.pageSize();
    }

    /**
     * One segment of a parallel scan ({@code segments} of 1 is the whole table), starting after the member
     * whose key is {@code after}: every item, unsubscribed ones too (the caller counts why it skips), strongly
     * consistent, so that a member who left a moment ago is not sent to. A scan that stopped at a member
     * resumes from its key: that is what DynamoDB's own cursor ({@code LastEvaluatedKey}) holds for a table
     * keyed by {@code email} alone.
     */
    public Stream<Member> members(String table, int segment, int segments, Optional<String> after) {
        ScanRequest.Builder scan =
                ScanRequest.builder().tableName(table).consistentRead(true).limit(pageSize);
        if (segments > 1) {
            scan.segment(segment).totalSegments(segments);
        }
        after.ifPresent(email -> scan.exclusiveStartKey(Map.of("email", AttributeValue.fromS(email))));
        ScanRequest request = scan.build();
        Iterator<Map<String, AttributeValue>> items = new ScanPages(dynamoDb, request);
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(items, Spliterator.ORDERED), false)
                .map(AttributeValues::toMember);
    }
}
