package dev.listwire.common.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.listwire.common.events.EventCounts;
import dev.listwire.common.events.EventProgress;
import dev.listwire.common.events.SummaryCount;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The event-finished line: its outcome and fields come from the result, its counts from the tally. */
class EventReportTest {

    private static final EventIdentity ID = new EventIdentity("e1", "m1");

    @Test
    void theTallyCountsEveryMemberAndNamesSkipReasonsAsTheLogAlwaysHas() {
        EventReport report = new EventReport("prices", ID);
        for (SkipReason reason : SkipReason.values()) {
            report.seen();
            report.skipped(reason);
        }
        report.seen();
        report.sent();
        report.seen();
        report.heldElsewhere();
        report.seen();
        report.deferred();

        Map<String, Object> f = report.fields(new EventResult.Done(), 1);

        assertEquals("completed", f.get("outcome"));
        assertEquals(10, f.get("membersSeen"));
        assertEquals(1, f.get("sent"));
        assertEquals(7, f.get("skipped"));
        assertEquals(
                Map.of(
                        "unsubscribed",
                        1,
                        "filtered",
                        1,
                        "invalid-address",
                        1,
                        "suppressed",
                        1,
                        "already-sent",
                        1,
                        "rejected-by-server",
                        1,
                        "deferred-too-often",
                        1),
                f.get("skippedReasons"));
        assertEquals(1, f.get("heldByOtherInvocation"));
        assertEquals(1, f.get("deferred"), "refused for now: tried again in a later pass");
        assertFalse(f.containsKey("error"));
    }

    @Test
    void eachResultNamesItsOutcomeAndItsOwnFields() {
        Continuation next = new Continuation(0, 1, Optional.of("ada@example.com"));
        for (PauseReason reason : PauseReason.values()) {
            Map<String, Object> paused = fields(new EventResult.Paused(next, 60, reason));
            assertEquals("continued", paused.get("outcome"));
            assertEquals(reason.logName(), paused.get("continuedBecause"));
            assertEquals(60, paused.get("continuationDelaySeconds"));
        }
        assertEquals(
                List.of(
                        "out-of-time",
                        "quota-spent",
                        "rate-limited",
                        "smtp-refused",
                        "smtp-unreachable",
                        "smtp-refusals-in-a-row",
                        "addresses-deferred"),
                Arrays.stream(PauseReason.values()).map(PauseReason::logName).toList());

        Map<String, Object> split = fields(new EventResult.Split(4));
        assertEquals("split", split.get("outcome"));
        assertEquals(4, split.get("splitInto"));

        Map<String, Object> dead = fields(new EventResult.DeadLettered("ticker: must not be blank"));
        assertEquals("dead-lettered", dead.get("outcome"));
        assertEquals("ticker: must not be blank", dead.get("error"));

        Map<String, Object> failed = fields(new EventResult.Retry(RetryReason.SEND_FAILED, "451 try later"));
        assertEquals("retry", failed.get("outcome"));
        assertEquals("451 try later", failed.get("error"));

        Map<String, Object> held = fields(new EventResult.Retry(RetryReason.HELD_ELSEWHERE, Optional.empty()));
        assertEquals("retry", held.get("outcome"));
        assertFalse(held.containsKey("error"), "a member held elsewhere is no error");
    }

    @Test
    void onlyARetryKeepsTheMessageForSqs() {
        assertFalse(BatchHandler.deletable(new EventResult.Retry(RetryReason.ERROR, "boom")));
        assertFalse(BatchHandler.deletable(new EventResult.Retry(RetryReason.HELD_ELSEWHERE, Optional.empty())));
        assertTrue(BatchHandler.deletable(new EventResult.Done()));
        assertTrue(BatchHandler.deletable(new EventResult.Paused(Continuation.WHOLE_LIST, 0, PauseReason.OUT_OF_TIME)));
        assertTrue(BatchHandler.deletable(new EventResult.Split(2)));
        assertTrue(BatchHandler.deletable(new EventResult.DeadLettered("not JSON")));
    }

    @Test
    void theSummarysPartCountsWhatHappenedAndLeavesARetrysSkipsToItsNextDelivery() {
        EventReport report = new EventReport("prices", ID);
        for (SkipReason reason : SkipReason.values()) {
            report.skipped(reason);
        }
        report.sent();
        report.sent();
        report.deferred();
        report.failed();

        EventProgress done = report.progress(new EventResult.Done());
        assertEquals(new EventProgress("prices", "e1", "completed", -1, counts(2, 4)), done);

        EventProgress retried = report.progress(new EventResult.Retry(RetryReason.ERROR, "boom"));
        assertEquals(new EventProgress("prices", "e1", "retry", 0, counts(2, 0)), retried);
        assertEquals(0, report.progress(paused()).openPartsChange(), "the part goes on in its continuation");
        assertEquals(3, report.progress(new EventResult.Split(4)).openPartsChange(), "one part became four");
        assertEquals(
                -1, report.progress(new EventResult.DeadLettered("not JSON")).openPartsChange());
    }

    /** Unsubscribed, filtered, invalid and suppressed are skipped; already-sent counted where it was sent. */
    private static EventCounts counts(long sent, long skipped) {
        return EventCounts.NONE
                .with(SummaryCount.SENT, sent)
                .with(SummaryCount.SKIPPED, skipped)
                .with(SummaryCount.REFUSED, 1)
                .with(SummaryCount.GAVE_UP, 1)
                .with(SummaryCount.DEFERRED, 1)
                .with(SummaryCount.FAILED, 1);
    }

    private static EventResult paused() {
        return new EventResult.Paused(Continuation.WHOLE_LIST, 0, PauseReason.OUT_OF_TIME);
    }

    private static Map<String, Object> fields(EventResult result) {
        return new EventReport("prices", ID).fields(result, 0);
    }
}
