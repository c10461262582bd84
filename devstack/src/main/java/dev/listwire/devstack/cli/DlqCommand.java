package dev.listwire.devstack.cli;

import dev.listwire.common.queue.DeadLetterReasons;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

@Command(
        name = "dlq",
        mixinStandardHelpOptions = true,
        description =
                "Shows the messages in a list's dead-letter queue with the reason each failed; --redrive moves them back.")
public final class DlqCommand extends Printing {

    @Parameters(index = "0", paramLabel = "LIST", description = "The list.")
    String list;

    @Option(
            names = "--redrive",
            description = "Send every dead-lettered message back to the list's queue (and delete it from the DLQ).")
    boolean redrive;

    @Mixin
    Target target;

    @Override
    public void run() {
        try (SqsClient sqs = target.sqs()) {
            DeadLetters letters = new DeadLetters(
                    sqs, sqs.getQueueUrl(b -> b.queueName(list + "-dlq")).queueUrl());
            List<Message> messages = letters.peekAll();
            for (Message m : messages) {
                out().println("── " + Terminal.line(m.messageId()) + " (received "
                        + m.attributesAsStrings().getOrDefault("ApproximateReceiveCount", "?") + "×)");
                out().println("reason: "
                        + attribute(m, DeadLetterReasons.REASON)
                                .map(Terminal::line)
                                .orElse("(none recorded: moved by the redrive policy after "
                                        + "too many failed receives; see the function's event-finished log lines)"));
                attribute(m, "eventId").ifPresent(id -> out().println("eventId: " + Terminal.line(id)));
                out().println("body:   " + Terminal.line(m.body())); // a producer wrote it: escapes shown, not obeyed
            }
            if (!redrive) {
                letters.release(messages);
                out().println(messages.size() + " message(s) in " + list + "-dlq on " + target.where()
                        + (messages.isEmpty() ? "" : "; --redrive sends them back to " + list));
                return;
            }
            String queueUrl = sqs.getQueueUrl(b -> b.queueName(list)).queueUrl();
            for (Message m : messages) {
                Map<String, MessageAttributeValue> attributes = new LinkedHashMap<>(m.messageAttributes());
                attributes.keySet().removeIf(name -> name.startsWith("listwire-"));
                sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(m.body()).messageAttributes(attributes));
                letters.delete(m);
            }
            out().println("Moved " + messages.size() + " message(s) from " + list + "-dlq back to " + list + " on "
                    + target.where());
        }
    }

    private static Optional<String> attribute(Message m, String name) {
        return Optional.ofNullable(m.messageAttributes().get(name)).map(MessageAttributeValue::stringValue);
    }
}
