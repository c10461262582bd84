package dev.listwire.common.function;

import dev.listwire.testkit.Inbox;
import dev.listwire.testkit.ListFixture;
import dev.listwire.testkit.LogCapture;
import org.junit.jupiter.api.AfterEach;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A fresh fixture list on the local stack for each test, its function, the inbox and the JSON log lines. */
abstract class FixtureListTest {

    protected ListFixture list;
    protected FixtureFunction function;
    protected Inbox inbox;
    protected LogCapture logs;

    @BeforeEach
    void startFixtureList() {
        list = ListFixture.forManifest("classpath:fixture-list.json");
        function = new FixtureFunction(list.context());
        inbox = new Inbox(list.mail());
        logs = new LogCapture();
    }

    @AfterEach
    void stopFixtureList() {
        logs.close();
        function.close();
    }

    /** Every one of {@code members} members got exactly one email. */
    protected void assertOneEmailEach(int members) {
        Map<String, List<MimeMessage>> received = inbox.byRecipient();
        assertEquals(members, received.size());
        received.forEach((to, emails) -> assertEquals(1, emails.size(), to + " got " + emails.size()));
    }
}
