package dev.listwire.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The benchmark's provider-like sink, over a real socket, in a process of its own. */
class LatencySinkTest {

    @Test
    void answersEachEmailAfterItsLatencyAndCountsWhatItAccepted() throws Exception {
        MimeMessage email = new MimeMessage(Session.getInstance(new Properties()));
        email.setFrom(new InternetAddress("alerts@listwire.dev"));
        email.setSubject("latency");
        email.setText("a line\n.\na line after a lone dot\n", "UTF-8");
        email.saveChanges();
        try (SinkProcess sink = SinkProcess.start(100)) {
            long before = System.currentTimeMillis();
            double perSecond = BareLoop.send(email, "127.0.0.1", sink.port(), null, null, 5);
            sink.awaitCount(5, 5_000);

            assertEquals(5, sink.count(), "one acceptance per email, the dot-stuffed line inside the body included");
            assertTrue(perSecond <= 10.0, "each email waits 100 ms for its reply: " + perSecond + " a second");
            assertTrue(perSecond > 2.0, "and not much more than that: " + perSecond + " a second");
            List<Long> sent = sink.acceptedSince(0);
            assertTrue(sent.get(4) - sent.get(0) >= 400, "MAIL FROM times 100 ms apart at least: " + sent);
            assertTrue(sent.get(0) >= before, "times are the sink's clock, in epoch ms: " + sent);
        }
    }

    @Test
    void countsTheMostSentInOneOfTheAccountsWindowsAndInAnyWindowOfThatLength() {
        long window = 1_796_000_000_000L; // the start of a 10 s window, as listwire aligns them
        List<Long> sent = List.of(
                window - 900,
                window - 700,
                window - 500,
                window - 300,
                window - 100,
                window + 100,
                window + 300,
                window + 500,
                window + 700,
                window + 900,
                window + 5_000);

        assertEquals(6, ProviderBench.mostInAlignedWindow(sent, 10));
        assertEquals(11, ProviderBench.mostInSlidingWindow(sent, 10));
        assertEquals(5, ProviderBench.mostInSlidingWindow(sent, 1));
    }
}
