package dev.listwire.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.listwire.common.events.DeliveryFeedback;
import dev.listwire.common.events.EventCounts;
import dev.listwire.common.events.EventProgress;
import dev.listwire.common.events.EventSummaries;
import dev.listwire.common.events.EventsConfiguration;
import dev.listwire.common.events.FeedbackMark;
import dev.listwire.common.events.SummaryCount;
import dev.listwire.common.ledger.DeliveryLedger;
import dev.listwire.common.ledger.EventLedger;
import dev.listwire.common.ledger.LedgerConfiguration;
import dev.listwire.common.links.DeliveryRef;
import dev.listwire.common.suppression.SuppressionCause;
import dev.listwire.common.suppression.SuppressionConfiguration;
import dev.listwire.common.suppression.SuppressionList;
import dev.listwire.devstack.TestDevstack.Run;
import dev.listwire.devstack.stack.Ports;
import dev.listwire.testkit.LocalStack;
import dev.listwire.testkit.local.Dynalite;
import dev.listwire.testkit.local.LocalResources;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code ./listwire events --local} against a real dynalite (the test kit's, found as the devstack's is, by
 * {@code -Dlistwire.ports}), with tables of this test's own, written by the same classes the functions use.
 */
class EventsCommandTest {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final String LIST = "prices";

    private final LocalStack stack = LocalStack.shared();
    private String events;
    private String ledger;
    private String suppressions;
    private String members;

    @BeforeEach
    void createTables() {
        int n = SEQUENCE.incrementAndGet();
        // Names of their own: SuppressionsCommandTest names its tables "listwire-suppressions-cli-<n>" on the same
        // dynalite.
        events = "listwire-events-events-cli-" + n;
        ledger = "listwire-deliveries-events-cli-" + n;
        suppressions = "listwire-suppressions-events-cli-" + n;
        members = "prices-events-cli-" + n;
        LocalResources resources = new LocalResources(stack.dynamoDb(), stack.sqs());
        resources.createEventsTable(events);
        resources.createLedger(ledger);
        resources.createSuppressionTable(suppressions);
        resources.createSuppressionTable(members); // keyed by email, as a list's member table is
    }

    @Test
    void listsTheRecentEventsNewestFirstWithTheirCounts() throws Exception {
        summaries().record(progress("e-1", "completed", -1, counts(2, 1)));
        Thread.sleep(5);
        summaries().record(progress("e-2", "continued", 0, counts(1, 0)));
        sent("e-2", "ada@example.com");
        feedback().record(new DeliveryRef(LIST, "e-2", "ada@example.com"), bounce());

        Run run = listwire();

        assertEquals(0, run.exitCode(), run.err());
        List<String> rows = rows(run.out());
        assertEquals(3, rows.size(), run.out());
        assertTrue(
                rows.get(0)
                        .matches("EVENT +FIRST SEEN +OUTCOME +SENT +SKIPPED +REFUSED +DEFERRED +BOUNCED +COMPLAINTS"),
                rows.get(0));
        assertTrue(rows.get(1).matches("e-2 +\\S+ +in-progress +1 +0 +0 +0 +1 +0"), rows.get(1));
        assertTrue(rows.get(2).matches("e-1 +\\S+ +completed +2 +1 +0 +0 +0 +0"), rows.get(2));
        assertTrue(run.out().contains("2 event(s) of prices, newest first, in " + events + " on the devstack"));
        assertEquals(2, rows(listwire("--limit", "1").out()).size(), "the header and the newest");
    }

    @Test
    void showsOneEventsWholeSummary() {
        summaries().record(progress("e-1", "continued", 0, counts(2, 1)));
        summaries().record(progress("e-1", "completed", -1, counts(3, 0)));

        String out = listwire("--event", "e-1").out();

        assertTrue(out.contains("event        e-1 of prices"), out);
        assertTrue(out.contains("outcome      completed (last part: completed; parts still open: 0)"), out);
        assertTrue(out.contains("invocations  2"), out);
        assertTrue(out.contains("sent         5"), out);
        assertTrue(out.contains("skipped      1"), out);
        assertTrue(listwire("--event", "nope").out().contains("No summary of event nope of prices"));
    }

    @Test
    void tellsWhatHappenedToAMemberInEachRecentEventAndWhy() throws Exception {
        oldSummary("e-0", Duration.ofDays(20));
        summaries().record(progress("e-1", "completed", -1, counts(1, 0)));
        sent("e-1", "ada@example.com");
        Thread.sleep(5);
        summaries().record(progress("e-2", "completed", -1, counts(1, 0)));
        sent("e-2", "ada@example.com");
        feedback().record(new DeliveryRef(LIST, "e-2", "ada@example.com"), bounce());
        member("ada@example.com", Map.of());

        String out = listwire("--recipient", "Ada@Example.com").out();

        assertTrue(out.contains("ada@example.com in prices (the devstack)"), out);
        assertTrue(out.contains("member now:  yes"), out);
        assertTrue(out.contains("suppressed:  no"), out);
        int e2 = out.indexOf("event e-2"), e1 = out.indexOf("event e-1"), e0 = out.indexOf("event e-0");
        assertTrue(e2 > 0 && e2 < e1 && e1 < e0, "newest first: " + out);
        String second = out.substring(e2, e1);
        assertTrue(second.contains("sent at "), second);
        assertTrue(
                second.contains("bounce reported at 2026-11-30T10:15:00Z: 5.1.1 550 5.1.1 no such user (report r-1)"),
                second);
        assertTrue(out.substring(e1, e0).contains("sent at "), out);
        assertTrue(
                out.substring(e0)
                        .contains("no delivery record: the event was first seen 20 days ago, and the ledger "
                                + "keeps a delivery 14 days"),
                out);
    }

    @Test
    void saysWhyThereIsNoDeliveryRecordForAMember() throws Exception {
        summaries().record(progress("e-1", "completed", -1, counts(0, 0)));
        EventLedger first =
                new DeliveryLedger(stack.dynamoDb(), ledgerConfiguration()).open(LIST, "e-1", Duration.ofMinutes(2));
        first.claim("bob@example.com");
        first.rejected("bob@example.com", "550 5.1.1 <bob@example.com> no such user");
        first.flush();
        suppressionList().suppress("bob@example.com", SuppressionCause.refused("550 5.1.1 no such user", LIST, "e-1"));
        Thread.sleep(5);
        summaries().record(progress("e-2", "completed", -1, counts(0, 3)));
        member("bob@example.com", Map.of());
        member("carol@example.com", Map.of("status", AttributeValue.fromS("unsubscribed")));
        member("dan@example.com", Map.of());

        String bob1 =
                listwire("--recipient", "bob@example.com", "--event", "e-1").out();
        assertTrue(bob1.contains("refused for good by the SMTP server at "), bob1);
        assertTrue(bob1.contains(": 550 5.1.1 <bob@example.com> no such user"), bob1);
        assertTrue(bob1.contains("suppressed:  yes, since "), bob1);
        assertTrue(bob1.contains("smtp-refused: 550 5.1.1 no such user, list prices, event e-1"), bob1);
        assertFalse(bob1.contains("event e-2"), "only the event asked about: " + bob1);
        assertTrue(recordFor("bob@example.com").contains("no delivery record: suppressed at the time"));
        assertTrue(recordFor("carol@example.com").contains("no delivery record: unsubscribed: skipped, not sent"));
        assertTrue(
                recordFor("dan@example.com").contains("a member now, but not sent: the list's filter left them out"));
        assertTrue(recordFor("eve@example.com").contains("no delivery record: not a member now"));
        assertTrue(listwire("--recipient", "eve@example.com", "--event", "e-9")
                .out()
                .contains("(no summary)"));
    }

    @Test
    void refusesSomethingThatIsNotAnAddress() {
        Run run = listwire("--recipient", "ada at example");
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("'ada at example' is not an email address"), run.err());
    }

    private String recordFor(String email) {
        String out = listwire("--recipient", email, "--event", "e-2").out();
        return out.substring(out.indexOf("event e-2"));
    }

    private void sent(String eventId, String email) {
        EventLedger event =
                new DeliveryLedger(stack.dynamoDb(), ledgerConfiguration()).open(LIST, eventId, Duration.ofMinutes(2));
        event.claim(email);
        event.sent(email);
        event.flush();
    }

    /** A summary written long ago, as an invocation then would have written it. */
    private void oldSummary(String eventId, Duration age) {
        String at = Long.toString(Instant.now().minus(age).toEpochMilli());
        stack.dynamoDb()
                .putItem(b -> b.tableName(events)
                        .item(Map.of(
                                "list", AttributeValue.fromS(LIST),
                                "eventId", AttributeValue.fromS(eventId),
                                "firstSeen", AttributeValue.fromN(at),
                                "updatedAt", AttributeValue.fromN(at),
                                "outcome", AttributeValue.fromS("completed"),
                                "openParts", AttributeValue.fromN("0"),
                                "invocations", AttributeValue.fromN("1"),
                                "sent", AttributeValue.fromN("1"))));
    }

    private void member(String email, Map<String, AttributeValue> attributes) {
        Map<String, AttributeValue> item = new java.util.HashMap<>(attributes);
        item.put("email", AttributeValue.fromS(email));
        stack.dynamoDb().putItem(b -> b.tableName(members).item(item));
    }

    private EventSummaries summaries() {
        return new EventSummaries(stack.dynamoDb(), new EventsConfiguration(events, 90));
    }

    private DeliveryFeedback feedback() {
        return new DeliveryFeedback(stack.dynamoDb(), ledgerConfiguration(), new EventsConfiguration(events, 90));
    }

    private SuppressionList suppressionList() {
        return new SuppressionList(stack.dynamoDb(), new SuppressionConfiguration(suppressions));
    }

    private LedgerConfiguration ledgerConfiguration() {
        return new LedgerConfiguration(ledger, 14, 25, 4, true);
    }

    private static EventProgress progress(String eventId, String outcome, int openPartsChange, EventCounts counts) {
        return new EventProgress(LIST, eventId, outcome, openPartsChange, counts);
    }

    private static EventCounts counts(long sent, long skipped) {
        return EventCounts.NONE.with(SummaryCount.SENT, sent).with(SummaryCount.SKIPPED, skipped);
    }

    private static FeedbackMark bounce() {
        return new FeedbackMark(
                FeedbackMark.Kind.BOUNCE,
                "5.1.1",
                "550 5.1.1 no such user",
                Instant.parse("2026-11-30T10:15:00Z"),
                "r-1");
    }

    /** The table's lines: the header and one per event, without the closing count. */
    private static List<String> rows(String out) {
        List<String> rows = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (line.startsWith("EVENT ") || line.startsWith("e-")) {
                rows.add(line.strip());
            }
        }
        return rows;
    }

    /** {@code ./listwire events prices <args> --local} with this test's tables, in-process. */
    private Run listwire(String... args) {
        int dynamoDb = URI.create(stack.dynamoDbEndpoint()).getPort();
        Ports ports =
                new Ports(Dynalite.freePort(), dynamoDb, Dynalite.freePort(), Dynalite.freePort(), Dynalite.freePort());
        System.setProperty("listwire.ports", ports.asProperty());
        List<String> full = new ArrayList<>(List.of("events", LIST));
        full.addAll(List.of(args));
        full.addAll(List.of("--local", "--events-table", events, "--ledger-table", ledger));
        full.addAll(List.of("--suppression-table", suppressions, "--members-table", members));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Listwire.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(full.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }
}
