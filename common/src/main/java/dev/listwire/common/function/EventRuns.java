package dev.listwire.common.function;

import dev.listwire.common.logging.JsonLines;
import dev.listwire.common.manifest.ListManifest;
import jakarta.inject.Singleton;

/** Starts each event's {@link EventRun}, with the per-member step and the sends it owns. */
@Singleton
final class EventRuns {

    private final ListManifest list;
    private final ListTables tables;
    private final MemberEmails emails;
    private final JsonLines log;
    private final ListSuppressions suppressions;

    EventRuns(
            ListManifest list,
            ListTables tables,
            MemberEmails emails,
            JsonLines log,
            ListSuppressions suppressions) {
        this.list = list;
        this.tables = tables;
        this.emails = emails;
        this.log = log;
        this.suppressions = suppressions;
    }

    ListManifest list() {
        return list;
    }

    /** Sends the event from {@code from} on, until the end of the list or a reason to stop; see {@link EventRun}. */
    <T> EventResult run(ListEvent<T> event, Continuation from, Invocation invocation, EventReport report) {
        RecipientLines lines = new RecipientLines(log, list.name(), event.id());
        SendsInFlight sends =
                new SendsInFlight(invocation, report, lines, suppressions.onRefusal(event.id(), lines));
        SendGate gate = new SendGate(tables.slots(), invocation.budget(), invocation.pacer());
        MemberStep step = new MemberStep(
                report, lines, gate, (member, to) -> emails.compose(event.id(), event.payload(), member, to), sends);
        EventRun.Steps steps = new EventRun.Steps(
                step,
                sends,
                gate,
                members -> suppressions.screen(members, member -> Screening.of(member, event)));
        return new EventRun<>(tables, event, from, invocation.budget(), steps).run();
    }
}
