package dev.listwire.common.function;

import dev.listwire.testkit.Inbox;
import dev.listwire.testkit.ListFixture;
import dev.listwire.testkit.ListUnderTest;
import dev.listwire.testkit.LogCapture;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The fixture list under test, set up as every list's test is ({@link ListUnderTest}), plus the JSON log
 * lines. It only names the parts the send loop's tests use ({@code list}, {@code function}, {@code inbox}),
 * so that their bodies read as before; it starts and stops nothing of its own.
 */
abstract class FixtureListTest {

    @RegisterExtension
    final ListUnderTest<FixtureFunction> fixtureList =
            ListUnderTest.of("classpath:fixture-list.json", FixtureFunction::new);

    protected ListFixture list;
    protected FixtureFunction function;
    protected Inbox inbox;
    protected LogCapture logs;

    @BeforeEach
    void nameTheFixtureList() {
        list = fixtureList.fixture();
        function = fixtureList.function();
        inbox = fixtureList.inbox();
        logs = new LogCapture();
    }

    @AfterEach
    void stopCapturingLogs() {
        logs.close();
    }

    /** Every one of {@code members} members got exactly one email. */
    protected void assertOneEmailEach(int members) {
        Map<String, List<MimeMessage>> received = inbox.byRecipient();
        assertEquals(members, received.size());
        received.forEach((to, emails) -> assertEquals(1, emails.size(), to + " got " + emails.size()));
    }
}
