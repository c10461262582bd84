package dev.listwire.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.listwire.testkit.LocalStack;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Keeps the benchmarks working in the normal build, on lists small enough to take seconds. The figures
 * themselves come from {@code mvn -B -pl bench -am verify -Pbench -DskipTests} (BENCHMARKS.md).
 */
class BenchmarksSmokeTest {

    @Test
    void fanOutMeasuresListwireAndBothLoopsOnTheSameSink() throws Exception {
        FanOutBench.Result result =
                FanOutBench.run("GreenMail", LocalStack.shared().mail().smtpPort(), true, 40, 1, 2);

        assertEquals(
                java.util.List.of(
                        FanOutBench.BARE, FanOutBench.COMPOSING, "listwire, 1 connection", "listwire, pool of 2"),
                java.util.List.copyOf(result.perSecond().keySet()));
        assertTrue(result.perSecond().values().stream().allMatch(f -> f.median() > 0), result.toString());
        assertEquals(result.ratioToBare().keySet(), result.ratioToComposing().keySet());
        assertEquals(2, result.ratioToBare().size());
    }

    @Test
    void aListThroughContinuationsIsSentOnceEachAndItsDynamoDbCallsAreCounted() throws Exception {
        LargeListBench.Result result;
        try (SinkProcess sink = SinkProcess.counting(0)) {
            result = LargeListBench.run(150, Duration.ofMillis(3_000), sink);
        }

        assertEquals(150, result.sentInLedger(), "every member sent once, per the ledger");
        assertTrue(result.invocations() >= 1);
        // The first invocation is the segment's first run, which claims nobody; its outcomes go 25 to a call.
        assertTrue(result.dynamoDbCallsPerRecipient() > 0, "the calls were counted: " + result);
        assertTrue(
                result.dynamoDbCalls().getOrDefault("BatchWriteItem", 0L) >= 150 / 25,
                "every recipient's outcome written: " + result);
        assertEquals(150, result.firstRun().emails() + result.laterRuns().emails(), result.toString());
        assertTrue(result.firstRun().emails() > 0, "the first run sent: " + result);
        // One outcome per email and a few calls per run; a claim more per email in a later run.
        assertTrue(result.firstRun().perRecipient() >= 1 && result.firstRun().perRecipient() < 1.5, result.toString());
        assertTrue(result.heapMb() > 0);
    }
}
