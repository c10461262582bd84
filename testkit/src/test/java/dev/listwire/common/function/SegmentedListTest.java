package dev.listwire.common.function;

import static dev.listwire.common.function.OneEmailEach.assertOneEmailEach;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.listwire.testkit.ListUnderTest;
import dev.listwire.testkit.QueueDrain;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A list whose manifest asks for segments is split into one message per segment; each member gets one email. */
class SegmentedListTest {

    private static final String AAPL = "{\"ticker\":\"AAPL\",\"price\":189.95}";

    @RegisterExtension
    final ListUnderTest<FixtureFunction> segmented =
            ListUnderTest.of("classpath:fixture-segmented-list.json", FixtureFunction::new);

    @Test
    void aSegmentedListIsSentBySeveralMessagesEachMemberOnce() throws Exception {
        segmented.members().many("member", 400);
        var sqs = segmented.stack().sqs();
        sqs.sendMessage(b -> b.queueUrl(segmented.queueUrl()).messageBody(AAPL));

        QueueDrain.run(segmented.function(), sqs, segmented.queueUrl(), 1, () -> null, Duration.ofMinutes(5));

        var finished = segmented.logs().lines("event-finished");
        assertEquals("split", finished.get(0).get("outcome"));
        assertEquals(4, finished.get(0).get("splitInto"));
        assertEquals(
                List.of("0/4", "1/4", "2/4", "3/4"),
                finished.stream()
                        .skip(1)
                        .map(l -> (String) l.get("segment"))
                        .sorted()
                        .toList());
        assertOneEmailEach(segmented, 400);
    }
}
