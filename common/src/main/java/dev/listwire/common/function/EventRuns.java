package dev.listwire.common.function;

import dev.listwire.common.events.EventSummaries;
import dev.listwire.common.logging.JsonLines;
import dev.listwire.common.mail.SmtpConfiguration;
import dev.listwire.common.manifest.ListManifest;
import jakarta.inject.Singleton;
import java.util.OptionalLong;

/** Starts each event's {@link EventRun}, with the per-member step and the sends it owns. */
@Singleton
final class EventRuns {

    private final ListManifest list;
    private final ListTables tables;
    private final MemberEmails emails;
    private final JsonLines log;
    private final Refusals refusals;
    private final EventSummaries summaries;
    private final SmtpConfiguration smtp;

    EventRuns(
            ListManifest list,
            ListTables tables,
            MemberEmails emails,
            JsonLines log,
            Refusals refusals,
            EventSummaries summaries,
            SmtpConfiguration smtp) {
        this.list = list;
        this.tables = tables;
        this.emails = emails;
        this.log = log;
        this.refusals = refusals;
        this.summaries = summaries;
        this.smtp = smtp;
    }

    ListManifest list() {
        return list;
    }

    /**
     * How many segments an event whose first message arrives now is split into: the list's tuning, or what
     * an earlier delivery of the message recorded (see {@code SegmentRuns}).
     */
    int split(EventIdentity id) {
        return tables.recordSplit(id, list.tuning().segments());
    }

    /** Sends the event from {@code from} on, until the end of the list or a reason to stop; see {@link EventRun}. */
    <T> EventResult run(ListEvent<T> event, Continuation from, Invocation invocation, EventReport report) {
        RecipientLines lines = new RecipientLines(log, list.name(), event.id());
        SendsInFlight sends = new SendsInFlight(
                invocation, share(event.id(), from), report, lines, refusals.forRun(event.id(), lines, from));
        SendGate gate = new SendGate(tables.slots(), invocation.budget(), invocation.pacer());
        MemberStep step = new MemberStep(
                report, lines, gate, (member, to) -> emails.compose(event.id(), event.payload(), member, to), sends);
        EventRun.Steps steps = new EventRun.Steps(
                step,
                sends,
                gate,
                members -> refusals.suppressions().screen(members, member -> Screening.of(member, event)));
        try {
            return new EventRun<>(tables, event, from, invocation.budget(), steps).run();
        } finally {
            // The connections taken over were this event's; the batch's next event starts from its own.
            invocation.smtp().narrow();
        }
    }

    /** A part of a split event takes over the connections of its ended parts; a whole list has none to take. */
    private ConnectionShare share(EventIdentity id, Continuation from) {
        if (from.segments() == 1) {
            return ConnectionShare.NONE;
        }
        return new ConnectionShare(
                () -> summaries
                        .one(list.name(), id.eventId())
                        .map(summary -> OptionalLong.of(summary.progress().openParts()))
                        .orElse(OptionalLong.empty()),
                smtp.poolSize() * from.segments(),
                smtp.shareEvery(),
                from.segment());
    }
}
