package dev.listwire.devstack.cli;

import dev.listwire.common.events.EventSummaries;
import dev.listwire.common.events.EventSummary;
import dev.listwire.common.events.EventsConfiguration;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

@Command(
        name = "events",
        mixinStandardHelpOptions = true,
        description = {
            "How a list's events went, from the summary item each event keeps (one write per invocation, never a "
                    + "scan): the recent ones as a table, one event whole with --event, or what happened to one "
                    + "member and why with --recipient (alone: over the recent events)."
        })
public final class EventsCommand extends Printing {

    @Parameters(index = "0", paramLabel = "LIST", description = "The list.")
    String list;

    @Option(
            names = "--limit",
            paramLabel = "N",
            description = "How many recent events (default: ${DEFAULT-VALUE}).",
            defaultValue = "20")
    int limit;

    @Option(names = "--event", paramLabel = "ID", description = "One event: its whole summary.")
    String event;

    @Option(
            names = "--recipient",
            paramLabel = "ADDRESS",
            description = "What happened to this member (in --event, or in each recent event) and why.")
    String recipient;

    @Mixin
    EventTables tables;

    @Override
    public void run() {
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("--limit must be between 1 and 1000, not " + limit);
        }
        try (DynamoDbClient dynamoDb = tables.target.dynamoDb()) {
            EventSummaries summaries = new EventSummaries(dynamoDb, new EventsConfiguration(tables.events, 90));
            if (recipient != null) {
                String address = AddressArgument.of(recipient);
                List<RecipientStory.Event> events = event != null
                        ? List.of(new RecipientStory.Event(event, summaries.one(list, event)))
                        : summaries.recent(list, limit).stream()
                                .map(s -> new RecipientStory.Event(s.eventId(), Optional.of(s)))
                                .toList();
                new RecipientStory(dynamoDb, tables, list).tell(address, events).forEach(out()::println);
            } else if (event != null) {
                one(summaries.one(list, event));
            } else {
                recent(summaries.recent(list, limit));
            }
        }
    }

    private void one(Optional<EventSummary> summary) {
        if (summary.isEmpty()) {
            out().println(Terminal.line("No summary of event " + event + " of " + list + " in " + tables.where()
                    + ": no invocation has handled it, or it is older than the table keeps (90 days)."));
            return;
        }
        EventLines.detail(summary.get()).forEach(out()::println);
    }

    private void recent(List<EventSummary> summaries) {
        if (summaries.isEmpty()) {
            out().println(Terminal.line("No events of " + list + " in " + tables.where() + "."));
            return;
        }
        EventLines.table(summaries).forEach(out()::println);
        out().println(Terminal.line(
                summaries.size() + " event(s) of " + list + ", newest first, in " + tables.where()));
    }
}
