package dev.listwire.devstack;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.listwire.devstack.stack.RunningList;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** Waits on a devstack list's queues, for tests that must know an event has finished or dead-lettered. */
final class QueueWaits {

    private final SqsClient sqs;

    QueueWaits(SqsClient sqs) {
        this.sqs = sqs;
    }

    /** Until the list's queue holds no message, visible or in flight: the event has finished. */
    void awaitDone(RunningList list) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            Map<QueueAttributeName, String> depth = sqs.getQueueAttributes(
                            b -> b.queueUrl(list.queues().queueUrl())
                                    .attributeNames(
                                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                    .attributes();
            if (depth.values().stream().allMatch("0"::equals)) {
                return;
            }
            assertTrue(System.nanoTime() < deadline, list.module().name() + " still has messages: " + depth);
            TestDevstack.sleep(100);
        }
    }

    void awaitDlqDepth(RunningList list, int depth) {
        for (int i = 0; i < 300; i++) {
            String visible = sqs.getQueueAttributes(
                            b -> b.queueUrl(list.queues().dlqUrl())
                                    .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                    .attributes()
                    .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES);
            if (Integer.parseInt(visible) >= depth) {
                return;
            }
            TestDevstack.sleep(100);
        }
        throw new AssertionError(list.module().name() + "-dlq did not reach " + depth + " message(s)");
    }
}
