package dev.listwire.bench;

import dev.listwire.lists.stockmovementalerts.StockMovementAlertsFunction;
import dev.listwire.testkit.CountdownContext;
import dev.listwire.testkit.ListFixture;
import dev.listwire.testkit.QueueDrain;
import dev.listwire.testkit.SqsEvents;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * One list of {@code members} sent through continuations with a short time budget per invocation, the way
 * the event source mapping would feed it: invocations, wall time, every member sent once (checked in the
 * ledger), DynamoDB calls per recipient, and the heap after the list.
 */
final class LargeListBench {

    record Result(
            int members,
            int invocations,
            Duration wallTime,
            long sentInLedger,
            double dynamoDbCallsPerRecipient,
            Map<String, Long> dynamoDbCalls,
            double heapMb,
            double writeUnitsPerRecipient) {}

    private LargeListBench() {}

    static Result run(int members, Duration budget, int sinkPort, boolean greenMail) throws Exception {
        ListFixture list = BenchList.fixture();
        list.members().many("member", members);
        list.property("listwire.smtp.port", sinkPort)
                .property("listwire.smtp.auth", greenMail)
                .property("listwire.function.continue-margin", "2s");
        var sqs = list.stack().sqs();
        QueueDrain.Result drained;
        long calls;
        long writeUnits;
        Map<String, Long> byOperation;
        String eventId = "large-" + members;
        try (StockMovementAlertsFunction function = new StockMovementAlertsFunction(list.context())) {
            DynamoDbCalls.reset();
            sqs.sendMessage(b -> b.queueUrl(list.queueUrl())
                    .messageBody(FanOutBench.EVENT)
                    .messageAttributes(SqsEvents.eventIdAttribute(eventId)));
            drained = QueueDrain.run(
                    function, sqs, list.queueUrl(), 10, () -> new CountdownContext(budget), Duration.ofHours(3));
            calls = DynamoDbCalls.total();
            byOperation = DynamoDbCalls.byOperation();
            writeUnits = DynamoDbCalls.writeUnits();
            list.mail().purgeEmailFromAllMailboxes();
        }
        double heap = Heap.usedAfterGcMb();
        long sent = sentInLedger(list);
        return new Result(
                members,
                drained.invocations(),
                drained.wallTime(),
                sent,
                (double) calls / members,
                byOperation,
                heap,
                (double) writeUnits / members);
    }

    /** Ledger items marked sent (the fixture's ledger is this run's alone); keyed by (list#event, email): one each. */
    private static long sentInLedger(ListFixture list) {
        long count = 0;
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            ScanResponse page = list.stack()
                    .dynamoDb()
                    .scan(b -> b.tableName(list.ledgerTable())
                            .select(Select.COUNT)
                            .filterExpression("#s = :sent")
                            .expressionAttributeNames(Map.of("#s", "status"))
                            .expressionAttributeValues(Map.of(":sent", AttributeValue.fromS("sent")))
                            .exclusiveStartKey(from));
            count += page.count();
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return count;
    }
}
