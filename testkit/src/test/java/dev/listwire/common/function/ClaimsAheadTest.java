package dev.listwire.common.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.listwire.common.ledger.Claim;
import dev.listwire.common.ledger.DeliveryLedger;
import dev.listwire.common.ledger.EventLedger;
import dev.listwire.common.ledger.LedgerConfiguration;
import dev.listwire.common.members.Member;
import dev.listwire.testkit.LocalStack;
import dev.listwire.testkit.local.LocalResources;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/** ClaimsAhead is the one home of the claims it takes: every ending is written, and close gives back the rest. */
class ClaimsAheadTest {

    private final LocalStack stack = LocalStack.shared();
    private LedgerConfiguration configuration;
    private EventLedger ledger;

    @BeforeEach
    void createLedger() {
        configuration = new LedgerConfiguration("claims-" + UUID.randomUUID(), 14, 25, 4, true);
        new LocalResources(stack.dynamoDb(), stack.sqs()).createLedger(configuration.table());
        ledger = new DeliveryLedger(stack.dynamoDb(), configuration).open("prices", "e1", Duration.ofMinutes(5));
    }

    @Test
    void eachEndingReachesTheLedgerAndCloseGivesBackEveryClaimNoPathEnded() {
        try (ClaimsAhead claims = claimsOf(2, "a", "b", "c", "d", "e", "f", "g")) {
            ClaimsAhead.Turn sent = claims.next();
            sent.claim();
            sent.sent();
            ClaimsAhead.Turn refused = claims.next();
            refused.claim();
            refused.refused("550 no such user");
            ClaimsAhead.Turn paused = claims.next();
            paused.claim();
            paused.giveBack();
            ClaimsAhead.Turn onTheWire = claims.next();
            onTheWire.claim();
            onTheWire.onTheWire();
            ClaimsAhead.Turn forgotten = claims.next();
            forgotten.claim();
            // f and g are claimed ahead and never handed out: the run stopped early.
        }
        ledger.flush();

        assertEquals(
                Map.of("a@example.com", "sent", "b@example.com", "rejected", "d@example.com", "claimed"),
                statuses(),
                "only an email on the wire keeps its claim, until its lease");
    }

    @Test
    void aClaimEndsOnceAndASkippedMemberHasNone() {
        Member unsubscribed = new Member("z@example.com", Map.of("email", "z@example.com", "status", "unsubscribed"));
        try (ClaimsAhead claims = new ClaimsAhead(
                Stream.of(member("a"), unsubscribed).iterator(),
                m -> m.isUnsubscribed() ? new Screening.Skip(SkipReason.UNSUBSCRIBED) : send(m),
                ledger,
                4)) {
            ClaimsAhead.Turn a = claims.next();
            assertEquals(Claim.CLAIMED, a.claim());
            a.sent();
            assertThrows(IllegalStateException.class, a::giveBack);
            assertThrows(IllegalStateException.class, () -> claims.next().claim());
        }
        ledger.flush();

        assertEquals(Map.of("a@example.com", "sent"), statuses());
    }

    @Test
    void aMemberAnotherInvocationHoldsIsLeftToIt() {
        EventLedger other =
                new DeliveryLedger(stack.dynamoDb(), configuration).open("prices", "e1", Duration.ofMinutes(5));
        other.claim("a@example.com");
        try (ClaimsAhead claims = claimsOf(4, "a")) {
            assertEquals(Claim.HELD_ELSEWHERE, claims.next().claim());
        }

        assertEquals(Map.of("a@example.com", "claimed"), statuses());
        assertEquals(Claim.HELD_ELSEWHERE, ledger.claim("a@example.com"), "still the other invocation's");
    }

    @Test
    void whenAClaimFailsTheRestOfItsHalfWindowAreNotMadeAndCloseGivesBackNothing() {
        LedgerConfiguration missing = new LedgerConfiguration("missing-" + UUID.randomUUID(), 14, 25, 8, true);
        EventLedger broken = new DeliveryLedger(stack.dynamoDb(), missing).open("prices", "e1", Duration.ofMinutes(5));
        ClaimsAhead claims = new ClaimsAhead(
                Stream.of("a", "b", "c", "d", "e").map(ClaimsAheadTest::member).iterator(),
                ClaimsAheadTest::send,
                broken,
                8);

        ClaimsAhead.Turn a = claims.next();
        assertThrows(ResourceNotFoundException.class, a::claim, "the table is not there: DynamoDB's own error");
        ClaimsAhead.Turn b = claims.next();
        IllegalStateException notMade = assertThrows(IllegalStateException.class, b::claim);
        assertTrue(notMade.getMessage().startsWith("not claimed: the claim before it failed"), notMade.getMessage());

        claims.close(); // gives back nothing: no claim was taken, and none is made on the missing table
    }

    private ClaimsAhead claimsOf(int depth, String... names) {
        return new ClaimsAhead(
                Stream.of(names).map(ClaimsAheadTest::member).iterator(), ClaimsAheadTest::send, ledger, depth);
    }

    private static Member member(String name) {
        String email = name + "@example.com";
        return new Member(email, Map.of("email", email));
    }

    private static Screening send(Member member) {
        try {
            return new Screening.Send(new InternetAddress(member.email()));
        } catch (AddressException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private Map<String, String> statuses() {
        Map<String, String> statuses = new TreeMap<>();
        stack.dynamoDb()
                .scan(b -> b.tableName(configuration.table()))
                .items()
                .forEach(item ->
                        statuses.put(item.get("email").s(), item.get("status").s()));
        return statuses;
    }
}
