package dev.listwire.devstack.cli;

import dev.listwire.devstack.lists.ListModule;
import dev.listwire.devstack.payload.PayloadCheck;
import dev.listwire.devstack.payload.PayloadSchemas;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

@Command(
        name = "send",
        mixinStandardHelpOptions = true,
        description = "Sends an event to a list's queue, after checking it against the list's payload schema.")
public final class SendCommand extends Printing {

    @Parameters(index = "0", paramLabel = "LIST", description = "The list, for example stock-movement-alerts.")
    String list;

    @Parameters(index = "1", arity = "0..1", paramLabel = "JSON", description = "The event, a JSON object.")
    String json;

    @Option(names = "--file", paramLabel = "FILE", description = "Read the event from a file.")
    Path file;

    @Option(names = "--example", description = "Send the list's example event (lists/<list>/demo/event.json).")
    boolean example;

    @Option(
            names = "--event-id",
            paramLabel = "ID",
            description = "The eventId message attribute: messages with one id are one event.")
    String eventId;

    @Option(
            names = "--queue-url",
            paramLabel = "URL",
            description = "The queue (default: the queue named like the list).")
    String queueUrl;

    @Mixin
    Target target;

    @Override
    public void run() {
        ListModule module = Workspace.lists().named(list);
        String event = read(module);
        List<String> problems = new PayloadCheck(PayloadSchemas.of(module)).problems(event);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("the event does not fit " + list + "'s payload; nothing was sent:\n  "
                    + String.join("\n  ", problems));
        }
        try (SqsClient sqs = target.sqs()) {
            String url = queueUrl != null
                    ? queueUrl
                    : sqs.getQueueUrl(b -> b.queueName(list)).queueUrl();
            SendMessageRequest.Builder request =
                    SendMessageRequest.builder().queueUrl(url).messageBody(event);
            if (eventId != null) {
                request.messageAttributes(Map.of(
                        "eventId",
                        MessageAttributeValue.builder()
                                .dataType("String")
                                .stringValue(eventId)
                                .build()));
            }
            String id = sqs.sendMessage(request.build()).messageId();
            out().println("Sent to " + list + " on " + target.where() + " (message " + id + ")");
        }
    }

    private String read(ListModule module) {
        if ((json != null ? 1 : 0) + (file != null ? 1 : 0) + (example ? 1 : 0) != 1) {
            throw new picocli.CommandLine.ParameterException(
                    spec.commandLine(), "give the event one way: as JSON, with --file, or with --example");
        }
        try {
            if (example) {
                return Files.readString(module.demoEvent()
                        .orElseThrow(() -> new IllegalArgumentException(
                                list + " has no example event (lists/" + list + "/demo/event.json)")));
            }
            return file != null ? Files.readString(file) : json;
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the event: " + e.getMessage(), e);
        }
    }
}
