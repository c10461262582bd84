package dev.listwire.devstack.cli;

import dev.listwire.common.events.DeliveryRecord;
import dev.listwire.common.events.DeliveryRecords;
import dev.listwire.common.events.EventSummary;
import dev.listwire.common.events.FeedbackMark;
import dev.listwire.common.ledger.LedgerConfiguration;
import dev.listwire.common.suppression.Suppression;
import dev.listwire.common.suppression.SuppressionConfiguration;
import dev.listwire.common.suppression.SuppressionList;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What happened to one member in some events of a list, and why: the ledger item of each event (one
 * {@code BatchGetItem} for them all), its bounce and complaint marks, the suppression list's entry and the member's
 * item ({@code GetItem} each). Where there is no ledger item, the reasons there can be, most likely first.
 */
final class RecipientStory {

    /** How long the ledger keeps a delivery: {@code LedgerConfiguration}'s default. */
    static final Duration LEDGER_RETENTION = Duration.ofDays(14);

    /** An event asked about, with its summary when there is one. */
    record Event(String eventId, Optional<EventSummary> summary) {}

    private final DynamoDbClient dynamoDb;
    private final EventTables tables;
    private final String list;

    RecipientStory(DynamoDbClient dynamoDb, EventTables tables, String list) {
        this.dynamoDb = dynamoDb;
        this.tables = tables;
        this.list = list;
    }

    List<String> tell(String email, List<Event> events) {
        Optional<Suppression> suppressed =
                new SuppressionList(dynamoDb, new SuppressionConfiguration(tables.suppressions)).find(email);
        Optional<String> membership = membership(email);
        Map<String, DeliveryRecord> records = new DeliveryRecords(
                        dynamoDb, new LedgerConfiguration(tables.ledger, 14, 25, 4, true))
                .of(list, events.stream().map(Event::eventId).toList(), email);
        List<String> lines = new ArrayList<>();
        lines.add(Terminal.line(email + " in " + list + " (" + tables.target.where() + ")"));
        lines.add("  member now:  " + membership.map(status -> "yes" + status).orElse("no"));
        lines.add(Terminal.line(
                "  suppressed:  " + suppressed.map(RecipientStory::suppression).orElse("no")));
        if (events.isEmpty()) {
            lines.add("  no events of " + list + " in " + tables.where());
        }
        for (Event event : events) {
            lines.add(Terminal.line("  event " + event.eventId()
                    + event.summary()
                            .map(s -> "  first seen " + s.progress().firstSeen() + "  " + s.outcome())
                            .orElse("  (no summary)")));
            Optional<DeliveryRecord> record = Optional.ofNullable(records.get(event.eventId()));
            if (record.isPresent()) {
                delivery(record.get()).forEach(line -> lines.add(Terminal.line("    " + line)));
            } else {
                lines.add(Terminal.line("    no delivery record: " + absent(event, suppressed, membership)));
            }
        }
        return lines;
    }

    private static List<String> delivery(DeliveryRecord record) {
        List<String> lines = new ArrayList<>();
        String when = record.updatedAt().map(at -> " at " + at).orElse("");
        String reply = record.reply().map(r -> ": " + r).orElse("");
        lines.add(
                switch (record.status()) {
                    case "sent" -> "sent" + when + " (the SMTP server took it)";
                    case "rejected" -> "refused for good by the SMTP server" + when + reply;
                    case "deferred" ->
                        "refused for now " + record.tries() + " time(s), to be tried again; last" + when + reply;
                    case "gave-up" -> "given up after " + record.tries() + " refusal(s) for now; last" + when + reply;
                    case "claimed" -> "being sent now (claimed" + when + ")";
                    default -> record.status() + when + reply;
                });
        for (FeedbackMark mark : record.marks()) {
            lines.add(mark.kind().attribute() + " reported at " + mark.at() + ": " + mark.status()
                    + (mark.detail().isEmpty() ? "" : " " + mark.detail())
                    + (mark.reportId().isEmpty() ? "" : " (report " + mark.reportId() + ")"));
        }
        return lines;
    }

    /** Why a member may have no ledger item for an event: what the tables can tell first, then what they cannot. */
    private static String absent(Event event, Optional<Suppression> suppressed, Optional<String> membership) {
        Optional<Instant> firstSeen = event.summary().map(s -> s.progress().firstSeen());
        if (firstSeen.isPresent() && firstSeen.get().plus(LEDGER_RETENTION).isBefore(Instant.now())) {
            return "the event was first seen "
                    + Duration.between(firstSeen.get(), Instant.now()).toDays()
                    + " days ago, and the ledger keeps a delivery " + LEDGER_RETENTION.toDays() + " days";
        }
        if (suppressed.isPresent()
                && firstSeen.map(suppressed.get().firstSeen()::isBefore).orElse(true)) {
            return "suppressed at the time (since " + suppressed.get().firstSeen() + "): skipped, not sent";
        }
        if (membership.isEmpty()) {
            return "not a member now: not one when the event was sent, or left since after it skipped them "
                    + "(a send keeps its ledger item when the member leaves)";
        }
        if (!membership.get().isEmpty()) {
            return "unsubscribed: skipped, not sent";
        }
        String inProgress = event.summary()
                .filter(s -> s.outcome().equals(EventSummary.IN_PROGRESS))
                .map(s -> "; the event is still in progress and may not have reached them yet")
                .orElse("");
        String unknown = event.summary().isEmpty() ? "; no summary either: is the event id right?" : "";
        return "a member now, but not sent: the list's filter left them out, the address is not valid, "
                + "or they joined after the event" + inProgress + unknown;
    }

    /** Empty when not a member; otherwise "" for a subscribed member, or " (unsubscribed)". */
    private Optional<String> membership(String email) {
        Map<String, AttributeValue> item = dynamoDb.getItem(
                        b -> b.tableName(tables.members(list)).key(Map.of("email", AttributeValue.fromS(email))))
                .item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        AttributeValue status = item.get("status");
        return Optional.of(status != null && "unsubscribed".equals(status.s()) ? " (unsubscribed)" : "");
    }

    private static String suppression(Suppression entry) {
        return "yes, since " + entry.firstSeen() + " (last " + entry.lastSeen() + "), "
                + entry.cause().reason().value() + ": " + entry.cause().reply()
                + entry.cause().list().map(l -> ", list " + l).orElse("")
                + entry.cause().event().map(e -> ", event " + e).orElse("");
    }
}
