package dev.listwire.bench;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.listwire.lists.stockmovementalerts.StockMovementAlertsFunction;
import java.util.List;
import java.util.Map;

/**
 * What {@link StartupBench} starts in a fresh JVM: a list function (built as Lambda builds it, from the
 * environment) or the plain handler, one batch of one event, then a line on stdout and exit. Its class
 * path is the list's {@code function.jar} (what Lambda loads) and this class's folder.
 */
public final class StartupProbe {

    private StartupProbe() {}

    public static void main(String[] args) throws Exception {
        String eventId = args[1];
        int sent;
        if (args[0].equals("plain")) {
            sent = PlainHandler.handle(System.getenv(), eventId);
        } else {
            StockMovementAlertsFunction function = new StockMovementAlertsFunction();
            System.out.println("stage constructed "
                    + java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime());
            SQSBatchResponse response = function.handleRequest(event(eventId), null);
            sent = response.getBatchItemFailures().isEmpty() ? 1 : -1;
        }
        System.out.println("first-batch-done " + sent);
        System.out.flush();
        System.exit(0);
    }

    /** The event as the Lambda runtime hands it over (it deserializes it before the handler runs). */
    private static SQSEvent event(String eventId) {
        SQSEvent.MessageAttribute id = new SQSEvent.MessageAttribute();
        id.setDataType("String");
        id.setStringValue(eventId);
        SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
        message.setMessageId("m-" + eventId);
        message.setBody("{\"ticker\":\"NVDA\",\"price\":131.20,\"changePct\":-7.4,\"window\":\"1d\"}");
        message.setMessageAttributes(Map.of("eventId", id));
        message.setEventSourceArn("arn:aws:sqs:us-east-1:000000000000:stock-movement-alerts");
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(message));
        return event;
    }
}
