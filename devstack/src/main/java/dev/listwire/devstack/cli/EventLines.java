package dev.listwire.devstack.cli;

import dev.listwire.common.events.EventSummary;
import dev.listwire.common.events.SummaryCount;
import java.util.ArrayList;
import java.util.List;

/** Event summaries as the command line prints them: a table of the recent ones, or one whole. */
final class EventLines {

    private static final String ROW = "%-36s  %-24s  %-11s  %6s  %7s  %7s  %8s  %7s  %10s";

    private EventLines() {}

    static List<String> table(List<EventSummary> summaries) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(
                ROW,
                "EVENT",
                "FIRST SEEN",
                "OUTCOME",
                "SENT",
                "SKIPPED",
                "REFUSED",
                "DEFERRED",
                "BOUNCED",
                "COMPLAINTS"));
        for (EventSummary s : summaries) {
            lines.add(Terminal.line(String.format(
                    ROW,
                    s.eventId(),
                    s.progress().firstSeen().toString(),
                    s.outcome(),
                    s.counts().get(SummaryCount.SENT),
                    s.counts().get(SummaryCount.SKIPPED),
                    s.counts().get(SummaryCount.REFUSED),
                    s.counts().get(SummaryCount.DEFERRED),
                    s.counts().get(SummaryCount.BOUNCED),
                    s.counts().get(SummaryCount.COMPLAINTS))));
        }
        return lines;
    }

    static List<String> detail(EventSummary s) {
        EventSummary.Progress p = s.progress();
        List<String> lines = new ArrayList<>();
        lines.add(Terminal.line("event        " + s.eventId() + " of " + s.list()));
        lines.add("outcome      " + s.outcome() + " (last part: " + p.lastOutcome() + "; parts still open: "
                + Math.max(0, p.openParts()) + ")");
        lines.add("first seen   " + p.firstSeen());
        lines.add("updated      " + p.updatedAt());
        lines.add("invocations  " + p.invocations());
        for (SummaryCount count : SummaryCount.values()) {
            lines.add(String.format("%-12s %d", count.attribute(), s.counts().get(count)));
        }
        return lines;
    }
}
