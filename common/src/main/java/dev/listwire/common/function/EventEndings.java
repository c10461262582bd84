package dev.listwire.common.function;

import dev.listwire.common.events.EventProgress;
import dev.listwire.common.events.EventSummaries;
import dev.listwire.common.logging.JsonLines;
import jakarta.inject.Singleton;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What is said when an event's part ends in an invocation: the {@code event-finished} line at once, and the
 * event's summary item once the batch is done, one write per event however many of its parts the batch held.
 */
@Singleton
final class EventEndings {

    private final JsonLines log;
    private final EventSummaries summaries;

    EventEndings(JsonLines log, EventSummaries summaries) {
        this.log = log;
        this.summaries = summaries;
    }

    void finished(EventResult result, Map<String, Object> fields) {
        if (result instanceof EventResult.Retry retry && retry.reason() == RetryReason.DEAD_LETTER_REFUSED) {
            // The payload is lost if SQS gives up on it too: the one case that needs a person.
            log.error("event-finished", fields);
        } else if (result instanceof EventResult.Retry || result instanceof EventResult.DeadLettered) {
            log.warn("event-finished", fields);
        } else {
            log.info("event-finished", fields);
        }
    }

    /** The summaries of one invocation's batch, gathered per event. */
    Batch batch() {
        return new Batch();
    }

    final class Batch {

        private final Map<String, EventProgress> byEvent = new LinkedHashMap<>();
        /** The events whose summary this batch has written: a later write adds to the same invocation. */
        private final Set<String> written = new HashSet<>();

        private Batch() {}

        void add(EventProgress progress) {
            byEvent.merge(progress.eventId(), progress, EventProgress::then);
        }

        /**
         * One {@code UpdateItem} per event for what was added since the last write (once per batch, but for a
         * split event whose splitting invocation goes on with a segment of it). A summary that cannot be written is logged and left: the emails are
         * sent and the messages settled, and a summary is never a reason to send again.
         */
        void write() {
            for (EventProgress progress : byEvent.values()) {
                try {
                    summaries.record(progress, written.add(progress.eventId()));
                } catch (RuntimeException e) {
                    Map<String, Object> fields = new LinkedHashMap<>();
                    fields.put("list", progress.list());
                    fields.put("eventId", progress.eventId());
                    fields.put("outcome", progress.outcome());
                    fields.put("error", String.valueOf(e));
                    log.warn("event-summary-failed", fields);
                }
            }
            byEvent.clear();
        }
    }
}
