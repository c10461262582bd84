package dev.listwire.common.function;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.listwire.testkit.ListUnderTest;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;

/** The send loop's tests' commonest check: no member missed, none sent twice. */
final class OneEmailEach {

    private OneEmailEach() {}

    /** Every one of {@code members} members of {@code list} got exactly one email. */
    static void assertOneEmailEach(ListUnderTest<?> list, int members) {
        Map<String, List<MimeMessage>> received = list.inbox().byRecipient();
        assertEquals(members, received.size());
        received.forEach((to, emails) -> assertEquals(1, emails.size(), to + " got " + emails.size()));
    }
}
