package dev.listwire.devstack.lambda;

import dev.listwire.common.manifest.ListManifest;
import dev.listwire.devstack.stack.LocalEndpoints;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * Feeds a list's queue to its function as Lambda's SQS event source mapping does: long polling, up to the
 * manifest's batch size, only successes deleted (the function reports failures with
 * {@code ReportBatchItemFailures}), failed messages visible again after the visibility timeout, and the
 * queue's redrive policy moving a message to the DLQ after too many receives.
 * https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-errorhandling.html
 */
public final class EventSourceMapping implements Runnable {

    /** Long polling, kept short enough that Ctrl-C stops the devstack within a few seconds. */
    static final int WAIT_SECONDS = 5;

    private final SqsClient sqs;
    private final IsolatedFunction function;
    private final ListManifest list;
    private final String queueUrl;
    private final String queueArn;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;
    private volatile List<Message> inFlight = List.of();

    public EventSourceMapping(
            SqsClient sqs, IsolatedFunction function, ListManifest list, String queueUrl, String queueArn) {
        this.sqs = sqs;
        this.function = function;
        this.list = list;
        this.queueUrl = queueUrl;
        this.queueArn = queueArn;
        this.thread = new Thread(this, "poller-" + list.name());
    }

    public void start() {
        thread.start();
    }

    /**
     * Stops polling. A batch being handled may finish within {@code waitMillis}; if it does not, its messages
     * go back to the queue at once (the ledger keeps the members already sent from a second email).
     */
    public void stop(long waitMillis) throws InterruptedException {
        running.set(false);
        thread.join(waitMillis);
        if (thread.isAlive()) {
            System.err.println(
                    list.name() + ": a batch was still running at shutdown; its messages go back to the queue");
            returnToQueue(inFlight);
        }
    }

    @Override
    public void run() {
        while (running.get()) {
            try {
                List<Message> batch = sqs.receiveMessage(b -> b.queueUrl(queueUrl)
                                .maxNumberOfMessages(Math.min(10, list.tuning().batchSize()))
                                .waitTimeSeconds(WAIT_SECONDS)
                                .messageSystemAttributeNames(MessageSystemAttributeName.ALL)
                                .messageAttributeNames("All"))
                        .messages();
                if (batch.isEmpty()) {
                    continue;
                }
                if (!running.get()) {
                    returnToQueue(batch);
                    return;
                }
                inFlight = batch;
                deliver(batch);
                inFlight = List.of();
            } catch (RuntimeException e) {
                if (running.get()) {
                    System.err.println(list.name() + ": polling failed, retrying in 1 s: " + e);
                    sleep();
                }
            }
        }
    }

    private void deliver(List<Message> batch) {
        Set<String> failed;
        try {
            String response = function.invoke(
                    SqsEventJson.of(batch, queueArn, LocalEndpoints.REGION),
                    TimeUnit.SECONDS.toMillis(list.tuning().timeoutSeconds()));
            failed = Set.copyOf(SqsEventJson.failedIds(response));
        } catch (Exception e) {
            // As in Lambda: a handler that throws fails the whole batch; SQS delivers it again later.
            System.err.println(
                    list.name() + ": the function threw; the batch returns after the visibility timeout: " + e);
            return;
        }
        List<DeleteMessageBatchRequestEntry> done = batch.stream()
                .filter(m -> !failed.contains(m.messageId()))
                .map(m -> DeleteMessageBatchRequestEntry.builder()
                        .id(m.messageId())
                        .receiptHandle(m.receiptHandle())
                        .build())
                .toList();
        if (!done.isEmpty()) {
            sqs.deleteMessageBatch(b -> b.queueUrl(queueUrl).entries(done));
        }
    }

    private void returnToQueue(List<Message> batch) {
        batch.forEach(m -> sqs.changeMessageVisibility(
                b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle()).visibilityTimeout(0)));
    }

    private static void sleep() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
