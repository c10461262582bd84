package dev.listwire.testkit;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.time.Duration;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Feeds a list's queue to its function the way the SQS event source mapping does: receive a batch, invoke,
 * delete what succeeded, until the queue stays empty (delayed messages included). Counts invocations.
 */
public final class QueueDrain {

    /** How a drain went: invocations made and wall time from the first receive to the empty queue. */
    public record Result(int invocations, Duration wallTime) {}

    private QueueDrain() {}

    public static Result run(
            RequestHandler<SQSEvent, SQSBatchResponse> function,
            SqsClient sqs,
            String queueUrl,
            int batchSize,
            Supplier<Context> contexts,
            Duration giveUpAfter) {
        long start = System.nanoTime();
        long deadline = start + giveUpAfter.toNanos();
        int invocations = 0;
        while (System.nanoTime() < deadline) {
            SQSEvent batch = SqsEvents.receiveOnce(sqs, queueUrl, batchSize);
            if (batch.getRecords().isEmpty()) {
                if (queueEmpty(sqs, queueUrl)) {
                    return new Result(invocations, Duration.ofNanos(System.nanoTime() - start));
                }
                continue;
            }
            invocations++;
            SQSBatchResponse response = function.handleRequest(batch, contexts.get());
            Set<String> failed = response.getBatchItemFailures().stream()
                    .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                    .collect(Collectors.toSet());
            for (SQSEvent.SQSMessage m : batch.getRecords()) {
                if (failed.contains(m.getMessageId())) {
                    sqs.changeMessageVisibility(b -> b.queueUrl(queueUrl)
                            .receiptHandle(m.getReceiptHandle())
                            .visibilityTimeout(0));
                } else {
                    sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(m.getReceiptHandle()));
                }
            }
        }
        throw new IllegalStateException(
                "the queue did not drain within " + giveUpAfter + " (" + invocations + " invocations)");
    }

    private static boolean queueEmpty(SqsClient sqs, String queueUrl) {
        var attributes = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl)
                        .attributeNamesWithStrings(
                                "ApproximateNumberOfMessages",
                                "ApproximateNumberOfMessagesNotVisible",
                                "ApproximateNumberOfMessagesDelayed"))
                .attributesAsStrings();
        return attributes.values().stream().allMatch("0"::equals);
    }
}
