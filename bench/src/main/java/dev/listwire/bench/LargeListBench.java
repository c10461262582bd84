package dev.listwire.bench;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
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
 * ledger), DynamoDB calls per recipient, and the heap after the list. The write units are counted apart for
 * the first invocation, the segment's first run (which claims nobody), and for the continuations after it
 * (which claim each recipient before sending).
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
            double writeUnitsPerRecipient,
            WriteUnits firstRun,
            WriteUnits laterRuns) {}

    /** Write units spent by some invocations of the list, and the emails they sent. */
    record WriteUnits(long units, long emails) {
        double perRecipient() {
            return emails == 0 ? Double.NaN : (double) units / emails;
        }
    }

    private LargeListBench() {}

    static Result run(int members, Duration budget, SinkProcess sink) throws Exception {
        ListFixture list = BenchList.fixture();
        list.members().many("member", members);
        list.property("listwire.smtp.port", sink.port())
                .property("listwire.smtp.auth", false)
                .property("listwire.function.continue-margin", "2s");
        var sqs = list.stack().sqs();
        QueueDrain.Result drained;
        long calls;
        long writeUnits;
        Map<String, Long> byOperation;
        String eventId = "large-" + members;
        WriteUnits[] first = new WriteUnits[1];
        try (StockMovementAlertsFunction function = new StockMovementAlertsFunction(list.context())) {
            DynamoDbCalls.reset();
            int sentBefore = sink.settledCount();
            sqs.sendMessage(b -> b.queueUrl(list.queueUrl())
                    .messageBody(FanOutBench.EVENT)
                    .messageAttributes(SqsEvents.eventIdAttribute(eventId)));
            RequestHandler<SQSEvent, SQSBatchResponse> firstCounted = (batch, context) -> {
                SQSBatchResponse response = function.handleRequest(batch, context);
                if (first[0] == null) { // the event's one message: the segment's first run
                    first[0] = new WriteUnits(DynamoDbCalls.writeUnits(), sink.settledCount() - sentBefore);
                }
                return response;
            };
            drained = QueueDrain.run(
                    firstCounted, sqs, list.queueUrl(), 10, () -> new CountdownContext(budget), Duration.ofHours(3));
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
                (double) writeUnits / members,
                first[0],
                new WriteUnits(writeUnits - first[0].units(), members - first[0].emails()));
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
