package dev.listwire.common.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.listwire.testkit.LocalStack;
import dev.listwire.testkit.local.LocalResources;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/** The claim protocol against dynalite, with the clock moved by hand to let leases run out. */
class DeliveryLedgerTest {

    private static final Duration LEASE = Duration.ofMinutes(5);
    private final LocalStack stack = LocalStack.shared();
    private LedgerConfiguration configuration;
    private final Instant now = Instant.parse("2026-11-28T09:00:00Z");

    @BeforeEach
    void createLedger() {
        configuration = new LedgerConfiguration("ledger-" + UUID.randomUUID(), 14, 25, 4, true);
        new LocalResources(stack.dynamoDb(), stack.sqs()).createLedger(configuration.table());
    }

    @Test
    void aSentRecipientIsNeverClaimedAgain() {
        EventLedger first = ledgerAt(now).open("prices", "e1", LEASE);
        assertEquals(Claim.CLAIMED, first.claim("ada@example.com"));
        first.sent("ada@example.com");
        first.flush();

        assertEquals(
                Claim.ALREADY_DONE,
                ledgerAt(now.plus(Duration.ofDays(1)))
                        .open("prices", "e1", LEASE)
                        .claim("ada@example.com"));
    }

    @Test
    void aLiveClaimHoldsOffAnotherInvocation() {
        ledgerAt(now).open("prices", "e1", LEASE).claim("ada@example.com");

        assertEquals(
                Claim.HELD_ELSEWHERE,
                ledgerAt(now.plusSeconds(60)).open("prices", "e1", LEASE).claim("ada@example.com"));
    }

    @Test
    void anExpiredClaimBelongsToADeadInvocationAndCanBeTaken() {
        // The crash window: claimed (and perhaps sent) but never marked. After the lease, a retry sends again,
        // with the same Message-ID.
        ledgerAt(now).open("prices", "e1", LEASE).claim("ada@example.com");

        assertEquals(
                Claim.CLAIMED,
                ledgerAt(now.plus(LEASE).plusSeconds(1))
                        .open("prices", "e1", LEASE)
                        .claim("ada@example.com"));
    }

    @Test
    void aReleasedClaimCanBeTakenAtOnce() {
        EventLedger first = ledgerAt(now).open("prices", "e1", LEASE);
        first.claim("ada@example.com");
        first.release("ada@example.com");

        assertEquals(
                Claim.CLAIMED,
                ledgerAt(now.plusSeconds(1)).open("prices", "e1", LEASE).claim("ada@example.com"));
    }

    @Test
    void aDeferredRecipientIsClaimedAgainByALaterPassWithItsTriesAndGivenUpForGood() {
        EventLedger first = ledgerAt(now).open("prices", "e1", LEASE);
        assertEquals(Claim.CLAIMED, first.claim("ada@example.com"));
        assertEquals(0, first.triesSoFar("ada@example.com"));
        first.deferred("ada@example.com", "450 4.2.1 try later", 1);
        first.flush();

        EventLedger second = ledgerAt(now.plusSeconds(300)).open("prices", "e1", LEASE);
        assertEquals(Claim.CLAIMED, second.claim("ada@example.com"), "a deferred recipient may be claimed at once");
        assertEquals(1, second.triesSoFar("ada@example.com"));
        second.release("ada@example.com"); // the account refused: given back, and still deferred once

        EventLedger third = ledgerAt(now.plusSeconds(600)).open("prices", "e1", LEASE);
        assertEquals(Claim.CLAIMED, third.claim("ada@example.com"));
        assertEquals(1, third.triesSoFar("ada@example.com"), "giving the claim back kept the count");
        third.gaveUp("ada@example.com", "452 4.2.2 over quota", 3);
        third.flush();

        assertEquals(
                Claim.ALREADY_DONE,
                ledgerAt(now.plusSeconds(900)).open("prices", "e1", LEASE).claim("ada@example.com"),
                "given up on: not tried again for this event");
    }

    @Test
    void eventsAndListsAreSeparate() {
        EventLedger first = ledgerAt(now).open("prices", "e1", LEASE);
        first.claim("ada@example.com");
        first.sent("ada@example.com");
        first.flush();

        assertEquals(Claim.CLAIMED, ledgerAt(now).open("prices", "e2", LEASE).claim("ada@example.com"));
        assertEquals(Claim.CLAIMED, ledgerAt(now).open("reports", "e1", LEASE).claim("ada@example.com"));
    }

    @Test
    void marksAreWrittenInBatchesAndAllReachTheTable() {
        EventLedger ledger = ledgerAt(now).open("prices", "e1", LEASE);
        for (int i = 0; i < 60; i++) {
            ledger.claim("m" + i + "@example.com");
            ledger.sent("m" + i + "@example.com");
        }
        ledger.flush();

        EventLedger retry = ledgerAt(now.plus(Duration.ofHours(1))).open("prices", "e1", LEASE);
        for (int i = 0; i < 60; i++) {
            assertEquals(Claim.ALREADY_DONE, retry.claim("m" + i + "@example.com"));
        }
    }

    @Test
    void marksThatCannotBeWrittenInTheBackgroundStopTheSendingAndFailTheFlush() {
        stack.dynamoDb().deleteTable(b -> b.tableName(configuration.table()));
        EventLedger ledger = ledgerAt(now).open("prices", "e1", LEASE);
        for (int i = 0; i < 25; i++) {
            ledger.sent("m" + i + "@example.com");
        }

        // The first batch goes to the background writer and fails there; the next mark stops the pass.
        assertThrows(ResourceNotFoundException.class, () -> {
            for (int i = 25; i < 100_000; i++) {
                ledger.sent("m" + i + "@example.com");
                Thread.sleep(1);
            }
        });
        // Whether or not marks are pending when it is seen (the failed batch may have been the last one).
        assertThrows(ResourceNotFoundException.class, () -> ledger.sent("late@example.com"), "and every later mark");
        assertThrows(ResourceNotFoundException.class, ledger::flush, "a later flush reports it too");
    }

    private DeliveryLedger ledgerAt(Instant instant) {
        return new DeliveryLedger(stack.dynamoDb(), configuration, Clock.fixed(instant, ZoneOffset.UTC));
    }
}
