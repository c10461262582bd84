package dev.listwire.common.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.listwire.testkit.LocalStack;
import dev.listwire.testkit.local.LocalResources;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A segment's first run, which claims nobody, against dynalite: it is granted once, only while the ledger
 * held nothing of the event, shuts every other run of the segment out until it ends or its lease runs out,
 * and after it every run claims. The clock is moved by hand to let leases run out.
 */
class SegmentRunsTest {

    private static final Duration LEASE = Duration.ofMinutes(5);
    private static final String ADA = "ada@example.com";
    private final LocalStack stack = LocalStack.shared();
    private final Instant now = Instant.parse("2026-12-01T09:00:00Z");
    private LedgerConfiguration configuration;

    @BeforeEach
    void createLedger() {
        configuration = new LedgerConfiguration("runs-" + UUID.randomUUID(), 14, 25, 4, true);
        new LocalResources(stack.dynamoDb(), stack.sqs()).createLedger(configuration.table());
    }

    @Test
    void theFirstRunClaimsNobodyAndWritesOnlyItsOutcomes() {
        assertEquals(1, ledgerAt(now).runs("prices", "e1").recordSplit(1));
        EventLedger first = enter(now, 0, true).orElseThrow();

        assertEquals(Claim.CLAIMED, first.claim(ADA));
        assertTrue(recipient(ADA).isEmpty(), "no claim was written");
        first.sent(ADA);
        first.settle();

        assertEquals("sent", recipient(ADA).get("status").s());
    }

    @Test
    void aSecondDeliveryIsShutOutWhileTheFirstRunSendsAndClaimsOnceItEnds() {
        ledgerAt(now).runs("prices", "e1").recordSplit(1);
        EventLedger first = enter(now, 0, true).orElseThrow();
        first.claim(ADA);

        ledgerAt(now).runs("prices", "e1").recordSplit(1);
        assertTrue(enter(now.plusSeconds(10), 0, true).isEmpty(), "the same message, delivered again: shut out");

        first.sent(ADA);
        first.settle();
        EventLedger retry = enter(now.plusSeconds(20), 0, true).orElseThrow();
        assertEquals(Claim.ALREADY_DONE, retry.claim(ADA), "the retry claims, and finds Ada done");
        assertEquals(Claim.CLAIMED, retry.claim("grace@example.com"));
    }

    @Test
    void aFirstRunThatDiedHoldsItsSegmentUntilItsLeaseThenEveryRunClaims() {
        ledgerAt(now).runs("prices", "e1").recordSplit(1);
        EventLedger died = enter(now, 0, true).orElseThrow();
        died.claim(ADA); // sent, say, and never marked: the invocation ended here

        assertTrue(enter(now.plus(LEASE).minusSeconds(1), 0, true).isEmpty(), "within the lease: shut out");
        EventLedger after = enter(now.plus(LEASE).plusSeconds(1), 0, true).orElseThrow();
        assertEquals(Claim.CLAIMED, after.claim(ADA), "the crash window: sent again, with the same Message-ID");
        assertEquals(
                Claim.HELD_ELSEWHERE,
                enter(now.plus(LEASE).plusSeconds(2), 0, true).orElseThrow().claim(ADA),
                "the run after the lease claims: a third run meets its claim");
    }

    @Test
    void anEventTheLedgerAlreadyKnowsHasNoFirstRun() {
        // A recipient marked before the split was recorded (an earlier version's run, say).
        EventLedger earlier = ledgerAt(now).open("prices", "e1", LEASE);
        earlier.claim(ADA);
        earlier.sent(ADA);
        earlier.flush();

        ledgerAt(now).runs("prices", "e1").recordSplit(1);
        EventLedger run = enter(now, 0, true).orElseThrow();
        assertEquals(Claim.ALREADY_DONE, run.claim(ADA), "it claims, so Ada is not sent twice");
    }

    @Test
    void theSplitIsRecordedOnceAndEachSegmentHasItsOwnFirstRun() {
        assertEquals(2, ledgerAt(now).runs("prices", "e1").recordSplit(2));
        assertEquals(
                2,
                ledgerAt(now).runs("prices", "e1").recordSplit(4),
                "a redeploy changed the split: the event keeps the one it started with");

        EventLedger zero = enter(now, 0, true).orElseThrow();
        EventLedger one = enter(now, 1, true).orElseThrow();
        assertEquals(Claim.CLAIMED, zero.claim(ADA));
        assertTrue(recipient(ADA).isEmpty(), "segment 0 runs first");
        assertEquals(Claim.CLAIMED, one.claim("grace@example.com"));
        assertTrue(recipient("grace@example.com").isEmpty(), "and so does segment 1");
        assertTrue(enter(now, 1, true).isEmpty(), "segment 1's own first run shuts a second one out");
    }

    @Test
    void aRunThatDoesNotStartAtTheSegmentsStartClaimsAndEndsAnyFirstRunNotBegun() {
        ledgerAt(now).runs("prices", "e1").recordSplit(1);
        EventLedger continuation = enter(now, 0, false).orElseThrow();
        assertEquals(Claim.CLAIMED, continuation.claim(ADA));
        assertFalse(recipient(ADA).isEmpty(), "a continuation claims");

        EventLedger late = enter(now, 0, true).orElseThrow();
        assertEquals(Claim.HELD_ELSEWHERE, late.claim(ADA), "the first run came too late to be one: it claims");
    }

    @Test
    void aFirstRunKeepsAnEmailWhoseFateIsUnknownUntilItsLease() {
        ledgerAt(now).runs("prices", "e1").recordSplit(1);
        EventLedger first = enter(now, 0, true).orElseThrow();
        first.claim(ADA);
        first.keep(ADA); // the connection ended during the email
        first.settle();

        assertEquals(
                Claim.HELD_ELSEWHERE,
                enter(now.plusSeconds(60), 0, true).orElseThrow().claim(ADA));
        assertEquals(
                Claim.CLAIMED,
                enter(now.plus(LEASE).plusSeconds(60), 0, true).orElseThrow().claim(ADA));
    }

    @Test
    void switchedOffEveryRunClaims() {
        configuration = new LedgerConfiguration(configuration.table(), 14, 25, 4, false);
        assertEquals(4, ledgerAt(now).runs("prices", "e1").recordSplit(4));
        EventLedger run = enter(now, 0, true).orElseThrow();
        assertEquals(Claim.CLAIMED, run.claim(ADA));
        assertFalse(recipient(ADA).isEmpty(), "claimed in the table");
        assertTrue(runsItem().isEmpty(), "no record of the split is kept");
    }

    private Optional<EventLedger> enter(Instant at, int segment, boolean fromTheStart) {
        return ledgerAt(at).enter("prices", "e1", LEASE, segment, fromTheStart);
    }

    private Map<String, AttributeValue> recipient(String email) {
        return stack.dynamoDb()
                .getItem(b -> b.tableName(configuration.table())
                        .key(LedgerItems.key("prices", "e1", email))
                        .consistentRead(true))
                .item();
    }

    private Map<String, AttributeValue> runsItem() {
        return recipient(LedgerItems.RUNS);
    }

    private DeliveryLedger ledgerAt(Instant instant) {
        return new DeliveryLedger(stack.dynamoDb(), configuration, Clock.fixed(instant, ZoneOffset.UTC));
    }
}
