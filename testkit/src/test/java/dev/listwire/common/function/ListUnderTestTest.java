package dev.listwire.common.function;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import dev.listwire.testkit.ListUnderTest;
import dev.listwire.testkit.SqsEvents;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The test kit's ListUnderTest, as a list module's test uses it (the archetype generates such tests). */
class ListUnderTestTest {

    @RegisterExtension
    final ListUnderTest<FixtureFunction> list = ListUnderTest.of("classpath:fixture-list.json", FixtureFunction::new);

    @Test
    void sendsAnEventToTheMembersOfItsOwnFreshList() throws Exception {
        list.members().add("grace@example.com").add("ada@example.com");

        SQSBatchResponse response = list.handle(SqsEvents.ofBody("m-1", "{\"ticker\":\"AAPL\",\"price\":1}"));

        assertEquals(List.of(), response.getBatchItemFailures());
        assertEquals(List.of("ada@example.com", "grace@example.com"), list.recipients());
        assertEquals(
                "AAPL at 1",
                list.inbox().to("ada@example.com").get(0).getSubject().strip());
        assertEquals("fixture-list", list.manifest().name());
    }

    @Test
    void capturesTheJsonLinesTheFunctionLogsDuringTheTest() {
        list.members().add("ada@example.com");

        list.handle(SqsEvents.ofBody("m-1", "{\"ticker\":\"AAPL\",\"price\":1}"));

        Map<String, Object> finished = list.logs().lines("event-finished").get(0);
        assertEquals(
                List.of("fixture-list", "m-1", 1),
                List.of(finished.get("list"), finished.get("eventId"), finished.get("sent")));
    }

    @Test
    void readsWhyEachRejectedMessageWasDeadLettered() {
        list.members().add("ada@example.com");

        list.handle(SqsEvents.batch("no-ticker", "{\"price\":1}", "not-json", "AAPL 1"));

        assertEquals(List.of(), list.recipients());
        assertEquals(
                List.of("the message body is not a JSON object", "ticker: must not be blank"),
                list.deadLetterReasons(2));
    }
}
