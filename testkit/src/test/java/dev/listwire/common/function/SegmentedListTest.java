package dev.listwire.common.function;

import static dev.listwire.common.function.OneEmailEach.assertOneEmailEach;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.listwire.common.ledger.DeliveryLedger;
import dev.listwire.testkit.ListUnderTest;
import dev.listwire.testkit.QueueDrain;
import dev.listwire.testkit.SendingCounts;
import dev.listwire.testkit.SqsEvents;
import io.micronaut.context.ApplicationContext;
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

    @Test
    void aSegmentHeldByItsFirstRunElsewhereIsRetriedAndKeepsNoneOfTheAccountsSends() throws Exception {
        segmented.members().many("member", 40);
        String list = segmented.manifest().name();
        SQSEvent.SQSMessage event =
                SqsEvents.ofBody("m-held", AAPL).getRecords().get(0);
        EventIdentity id = EventIdentity.of(event);
        ApplicationContext context = segmented.function().getApplicationContext();
        DeliveryLedger ledger = context.getBean(DeliveryLedger.class);
        ledger.runs(list, id.eventId()).recordSplit(4);
        // Segment 0's first run, in another invocation, still sending.
        ledger.enter(list, id.eventId(), Duration.ofMinutes(5), 0, true).orElseThrow();
        context.getBean(Continuations.class).sendAll(event, id, List.of(Continuation.segment(0, 4)));

        SQSBatchResponse response =
                segmented.handle(SqsEvents.receive(segmented.stack().sqs(), segmented.queueUrl(), 1));

        assertEquals(1, response.getBatchItemFailures().size(), "retried once the first run ends");
        assertTrue(segmented.recipients().isEmpty());
        assertEquals(0, sendsCounted(segmented.sendingTable()), "no send of the account is held by the run shut out");
    }

    /** The sends the account has counted, over every hour's item. */
    private long sendsCounted(String table) {
        return SendingCounts.sent(segmented.stack().dynamoDb(), table);
    }
}
