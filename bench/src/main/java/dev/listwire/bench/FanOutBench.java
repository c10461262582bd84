package dev.listwire.bench;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import dev.listwire.lists.stockmovementalerts.StockMovementAlertsFunction;
import dev.listwire.testkit.ListFixture;
import dev.listwire.testkit.SqsEvents;
import dev.listwire.testkit.TestMailServer;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fan-out throughput: members in dynalite, rendered, claimed and marked in the ledger, sent to a sink;
 * against {@link BareLoop} sending the same email to the same sink over one connection, in the same run,
 * the three interleaved so that the machine's noise falls on all of them alike.
 */
final class FanOutBench {

    static final String EVENT = "{\"ticker\":\"NVDA\",\"price\":131.20,\"changePct\":-7.4,\"window\":\"1d\"}";

    static final String BARE = "bare Jakarta Mail loop, 1 connection";
    static final String COMPOSING = "Jakarta Mail loop composing each email, 1 connection";

    /** Emails a second per variant, and the ratios to the two loops of the same iteration. */
    record Result(
            String sink,
            int members,
            Map<String, Figure> perSecond,
            Map<String, Figure> ratioToBare,
            Map<String, Figure> ratioToComposing) {}

    private FanOutBench() {}

    static Result run(String sinkName, int sinkPort, boolean greenMail, int members, int iterations, int pool)
            throws Exception {
        return run(sinkName, sinkPort, greenMail, members, iterations, pool, true);
    }

    /** @param warmUp false when the JVM is warm already and a round is slow (a sink that waits) */
    static Result run(
            String sinkName, int sinkPort, boolean greenMail, int members, int iterations, int pool, boolean warmUp)
            throws Exception {
        ListFixture list = BenchList.fixture();
        list.members().many("member", members);
        list.property("listwire.smtp.port", sinkPort).property("listwire.smtp.auth", greenMail);
        String user = greenMail ? TestMailServer.USER : null;
        String password = greenMail ? TestMailServer.PASSWORD : null;
        Map<String, List<Double>> rates = new LinkedHashMap<>();
        Map<String, List<Double>> ratios = new LinkedHashMap<>();
        Map<String, List<Double>> ratiosComposing = new LinkedHashMap<>();
        String single = "listwire, 1 connection";
        String pooled = "listwire, pool of " + pool;
        try (StockMovementAlertsFunction one = new StockMovementAlertsFunction(
                        list.property("listwire.smtp.pool-size", 1).context());
                StockMovementAlertsFunction many = new StockMovementAlertsFunction(
                        list.property("listwire.smtp.pool-size", pool).context())) {
            MimeMessage template = template();
            if (warmUp) {
                // Class loading and JIT for all three, not measured.
                send(one, members, "warm-1");
                send(many, members, "warm-n");
                BareLoop.send(template, "127.0.0.1", sinkPort, user, password, members);
                BareLoop.compose(template, "127.0.0.1", sinkPort, user, password, members);
                list.mail().purgeEmailFromAllMailboxes();
            }
            for (int i = 0; i < iterations; i++) {
                // GreenMail keeps what it receives in this JVM: emptied before each reading.
                list.mail().purgeEmailFromAllMailboxes();
                double bare = BareLoop.send(template, "127.0.0.1", sinkPort, user, password, members);
                list.mail().purgeEmailFromAllMailboxes();
                double composing = BareLoop.compose(template, "127.0.0.1", sinkPort, user, password, members);
                list.mail().purgeEmailFromAllMailboxes();
                double a = send(one, members, sinkName + "-1-" + i);
                list.mail().purgeEmailFromAllMailboxes();
                double b = send(many, members, sinkName + "-n-" + i);
                list.mail().purgeEmailFromAllMailboxes();
                rates.computeIfAbsent(BARE, k -> new ArrayList<>()).add(bare);
                rates.computeIfAbsent(COMPOSING, k -> new ArrayList<>()).add(composing);
                ratiosComposing.computeIfAbsent(single, k -> new ArrayList<>()).add(a / composing);
                ratiosComposing.computeIfAbsent(pooled, k -> new ArrayList<>()).add(b / composing);
                rates.computeIfAbsent(single, k -> new ArrayList<>()).add(a);
                rates.computeIfAbsent(pooled, k -> new ArrayList<>()).add(b);
                ratios.computeIfAbsent(single, k -> new ArrayList<>()).add(a / bare);
                ratios.computeIfAbsent(pooled, k -> new ArrayList<>()).add(b / bare);
            }
        }
        Map<String, Figure> perSecond = figures(rates);
        return new Result(sinkName, members, perSecond, figures(ratios), figures(ratiosComposing));
    }

    private static Map<String, Figure> figures(Map<String, List<Double>> values) {
        Map<String, Figure> figures = new LinkedHashMap<>();
        values.forEach((k, v) -> figures.put(k, Figure.of(v)));
        return figures;
    }

    /** One email as listwire renders it, taken from GreenMail, for the bare loop to send. */
    static MimeMessage template() throws Exception {
        ListFixture viaGreenMail = BenchList.fixture();
        viaGreenMail.members().add("template@members.listwire.test");
        try (StockMovementAlertsFunction f = new StockMovementAlertsFunction(viaGreenMail.context())) {
            f.handleRequest(SqsEvents.ofBody("template", EVENT), null);
        }
        MimeMessage[] received = viaGreenMail.mail().getReceivedMessages();
        if (received.length != 1) {
            throw new IllegalStateException("expected one template email, got " + received.length);
        }
        return received[0];
    }

    /** @return emails a second for one event to the whole list */
    private static double send(StockMovementAlertsFunction function, int members, String eventId) {
        long start = System.nanoTime();
        SQSBatchResponse response = function.handleRequest(
                SqsEvents.withAttributes("m-" + eventId, EVENT, Map.of("eventId", eventId)), null);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!response.getBatchItemFailures().isEmpty()) {
            throw new IllegalStateException("the benchmark event failed: " + eventId);
        }
        return members / seconds;
    }
}
