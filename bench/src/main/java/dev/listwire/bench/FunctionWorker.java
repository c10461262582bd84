package dev.listwire.bench;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.listwire.lists.stockmovementalerts.StockMovementAlertsFunction;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageResponse;

/**
 * One execution environment of a list function, in a JVM of its own: the list's {@code function.jar}
 * built from the environment as Lambda builds it, fed one message per invocation from the list's queue as
 * the event source mapping would. Several workers on one queue are several invocations at once, so the
 * segments an event is split into run side by side, each in its own JVM, as on Lambda.
 *
 * <p>Usage: {@code FunctionWorker <sqs endpoint> <queue url>}. Prints {@code bench ready}, then for each
 * {@code drain} line on stdin invokes until the queue is empty (delayed messages included) and prints
 * {@code bench drained <invocations> <first invocation start, epoch ms> <last end, epoch ms> <process cpu ns>
 * <jit ms> <gc ms> <cpu ns per group of threads: name:ns,...>}.
 * {@code profile <file>} records the next drain with JDK Flight Recorder into that file.
 */
public final class FunctionWorker {

    private FunctionWorker() {}

    public static void main(String[] args) throws Exception {
        StockMovementAlertsFunction function = new StockMovementAlertsFunction();
        SqsClient sqs = SqsClient.builder()
                .endpointOverride(URI.create(args[0]))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(ApacheHttpClient.create())
                .build();
        String queueUrl = args[1];
        System.out.println("bench ready");
        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        Path profile = null;
        for (String line; (line = commands.readLine()) != null && !line.equals("quit"); ) {
            if (line.startsWith("profile ")) {
                profile = Path.of(line.substring(8));
                continue;
            }
            Recording recording = profile == null ? null : new Recording(Configuration.getConfiguration("profile"));
            if (recording != null) {
                // A sample every millisecond, not every 10 or 20: a few seconds of sending give a few thousand.
                recording.enable("jdk.ExecutionSample").withPeriod(java.time.Duration.ofMillis(1));
                recording.start();
            }
            Drained drained = drain(function, sqs, queueUrl);
            if (recording != null) {
                recording.stop();
                recording.dump(profile);
                recording.close();
                profile = null;
            }
            String byThread = drained.byThread().entrySet().stream()
                    .filter(e -> e.getValue() > 0)
                    .map(e -> e.getKey() + ":" + e.getValue())
                    .collect(Collectors.joining(","));
            System.out.println("bench drained " + drained.invocations() + " " + drained.first() + " " + drained.last()
                    + " " + drained.used().fields() + " " + (byThread.isEmpty() ? "-" : byThread));
        }
        System.exit(0);
    }

    /**
     * A drain: invocations, the first one's start and the last one's end (epoch ms), and the CPU the JVM and
     * each group of its threads spent during the invocations. The worker's own receiving and deleting of
     * messages, which on Lambda the event source mapping does outside the function, is left out.
     */
    private record Drained(long invocations, long first, long last, JvmTimes used, Map<String, Long> byThread) {}

    private static Drained drain(StockMovementAlertsFunction function, SqsClient sqs, String queueUrl) {
        long invocations = 0;
        long first = 0;
        long last = 0;
        JvmTimes used = new JvmTimes(0, 0, 0);
        Map<String, Long> byThread = new TreeMap<>();
        while (true) {
            ReceiveMessageResponse received = sqs.receiveMessage(b -> b.queueUrl(queueUrl)
                    .maxNumberOfMessages(1)
                    .waitTimeSeconds(1)
                    .messageAttributeNames("All"));
            if (received.messages().isEmpty()) {
                // The benchmark puts the event on the queue before it says drain.
                if (queueEmpty(sqs, queueUrl)) {
                    return new Drained(invocations, first, last, used, byThread);
                }
                continue;
            }
            Message message = received.messages().get(0);
            long start = System.currentTimeMillis();
            first = first == 0 ? start : first;
            SQSEvent event = event(message);
            JvmTimes before = JvmTimes.now();
            ThreadCpu threads = new ThreadCpu();
            SQSBatchResponse response = function.handleRequest(event, null);
            used = used.plus(JvmTimes.now().since(before));
            ThreadCpu.parse(threads.since()).forEach((group, ns) -> byThread.merge(group, ns, Long::sum));
            last = System.currentTimeMillis();
            invocations++;
            if (response.getBatchItemFailures().isEmpty()) {
                sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
            } else {
                throw new IllegalStateException("the benchmark's event failed: " + message.body());
            }
        }
    }

    /** Nothing waiting, delayed or in another worker's hands: every part of the event is done. */
    private static boolean queueEmpty(SqsClient sqs, String queueUrl) {
        return sqs
                .getQueueAttributes(b -> b.queueUrl(queueUrl)
                        .attributeNamesWithStrings(
                                "ApproximateNumberOfMessages",
                                "ApproximateNumberOfMessagesNotVisible",
                                "ApproximateNumberOfMessagesDelayed"))
                .attributesAsStrings()
                .values()
                .stream()
                .allMatch("0"::equals);
    }

    /** The message as the Lambda runtime hands it to the handler (deserialized before the handler runs). */
    private static SQSEvent event(Message message) {
        Map<String, SQSEvent.MessageAttribute> attributes = new HashMap<>();
        message.messageAttributes().forEach((name, value) -> {
            SQSEvent.MessageAttribute attribute = new SQSEvent.MessageAttribute();
            attribute.setDataType(value.dataType());
            attribute.setStringValue(value.stringValue());
            attributes.put(name, attribute);
        });
        SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
        record.setMessageId(message.messageId());
        record.setReceiptHandle(message.receiptHandle());
        record.setBody(message.body());
        record.setMessageAttributes(attributes);
        record.setEventSourceArn("arn:aws:sqs:us-east-1:000000000000:bench");
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(record));
        return event;
    }
}
