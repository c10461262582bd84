package dev.listwire.common.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AddressesTest {

    @Test
    void acceptsABareAddress() {
        assertEquals(
                "ada@example.com",
                Addresses.deliverable("ada@example.com").orElseThrow().getAddress());
        for (String good :
                new String[] {"o'brien+news@mail.example.co.uk", "a.b.c@x-y.example", "x@xn--bcher-kva.example"}) {
            assertEquals(good, Addresses.deliverable(good).orElseThrow().getAddress());
        }
    }

    @Test
    void refusesWhatIsNotOneDeliverableAddress() {
        for (String bad : new String[] {
            "",
            "ada",
            "@example.com",
            "ada@",
            "ada example.com",
            "Ada <ada@example.com>",
            "ada@example.com, eve@example.com",
            "ada@example.com\r\nBcc: eve@example.com",
            "a".repeat(250) + "@example.com"
        }) {
            assertTrue(Addresses.deliverable(bad).isEmpty(), bad);
        }
        assertTrue(Addresses.deliverable(null).isEmpty());
    }

    @Test
    void refusesQuotedAndNonAsciiLocalPartsAndBadDomainsSayingWhy() {
        Map<String, String> refusals = Map.ofEntries(
                Map.entry("\"Call 555 0100 now\"@catch-all.example", "quoted local parts"),
                Map.entry("\"ada\"@example.com", "quoted local parts"),
                Map.entry("ada(comment)@example.com", "the part before @ may hold only"),
                Map.entry("ada..lovelace@example.com", "the part before @ may hold only"),
                Map.entry(".ada@example.com", "the part before @ may hold only"),
                Map.entry("adà@example.com", "the part before @ may hold only"),
                Map.entry("ada\u0007@example.com", "control character"),
                Map.entry("ada\u001b[31m@example.com", "control character"),
                Map.entry("a".repeat(65) + "@example.com", "longer than 64"),
                Map.entry("ada@localhost", "not a valid (IDNA) domain"),
                Map.entry("ada@exa_mple.com", "not a valid (IDNA) domain"),
                Map.entry("ada@-example.com", "not a valid (IDNA) domain"),
                Map.entry("ada@example..com", "not a valid (IDNA) domain"),
                Map.entry("ada@[127.0.0.1]", "not a valid (IDNA) domain"),
                Map.entry("ada@10.0.0.1", "not a valid (IDNA) domain"),
                Map.entry("ada@xn--zz.example", "not a valid (IDNA) domain"),
                Map.entry("ada@ex ample.com", "not a valid (IDNA) domain"),
                Map.entry("ada", "no @"),
                Map.entry("", "empty"));
        refusals.forEach((address, why) -> {
            Addresses.Refused refused = assertInstanceOf(Addresses.Refused.class, Addresses.check(address), address);
            assertTrue(refused.why().contains(why), address + ": " + refused.why());
        });
    }

    @Test
    void aUnicodeDomainIsTakenInItsALabelForm() {
        assertEquals(
                "ada@xn--bcher-kva.example",
                Addresses.deliverable("ada@bücher.example").orElseThrow().getAddress());
    }

    @Test
    void aDomainMetBeforeIsJudgedAsItWasTheFirstTime() {
        for (int time = 1; time <= 3; time++) {
            assertEquals(
                    "bob" + time + "@xn--bcher-kva.example",
                    Addresses.deliverable("bob" + time + "@bücher.example")
                            .orElseThrow()
                            .getAddress());
            assertInstanceOf(Addresses.Refused.class, Addresses.check("bob" + time + "@exa_mple.com"));
            assertInstanceOf(Addresses.Refused.class, Addresses.check("bob" + time + "@xn--zz.example"));
            assertInstanceOf(Addresses.Refused.class, Addresses.check("bob..x@example.org"), "the local part");
        }
    }
}
