package dev.listwire.subscriptions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.listwire.lists.stockmovementalerts.StockMovementAlertsFunction;
import dev.listwire.testkit.Inbox;
import dev.listwire.testkit.ListFixture;
import dev.listwire.testkit.LogCapture;
import dev.listwire.testkit.SqsEvents;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A script floods "email me a link" with 200 different addresses ({@code a+N@gmail.com}, dotted variants of
 * one Gmail address, random domains), from one client and from many (real sockets from 127.0.0.2, 127.0.0.3,
 * …), eight at a time, against the real HTTP app, dynalite and GreenMail. At most the cap is emailed, the
 * rest get 429, and a list event sent afterwards through a real list function on the same sending account is
 * delivered to every member. The figures are printed ({@code flood: ...}) for the notes.
 *
 * <p>The app's clock starts at the top of the current hour and runs on, so that the flood cannot straddle two
 * hours' counts; the list function keeps the real clock (the same hour or the next: the same rolling day).
 */
class LinkFloodTest {

    private static final int REQUESTS = 200;
    private static final int MEMBERS = 10;

    private SubscriptionsApp app;
    private StockMovementAlertsFunction list;

    @AfterEach
    void stop() {
        if (list != null) {
            list.close();
        }
        app.close();
    }

    @Test
    void aFloodFromOneClientEmailsOnlyThatClientsHourlyShare() throws Exception {
        ListFixture alerts = start(Map.of("listwire.sending.daily-quota", 1000));

        Flood flood = flood(n -> LoopbackClient.client(0).getHostAddress());

        flood.print("one client", "per client 10 an hour");
        assertTrue(flood.emailed() >= 1 && flood.emailed() <= 10, flood.toString());
        assertEquals(REQUESTS - flood.emailed(), flood.refused(), "every other request got 429");
        assertEquals(MEMBERS, listEventAfter(alerts));
    }

    @Test
    void aFloodFromManyClientsEmailsOnlyTheGlobalCap() throws Exception {
        // 2% of 1,000 a day: 20 an hour from everyone together; 50 clients of 4 requests, under their own cap.
        ListFixture alerts = start(Map.of("listwire.sending.daily-quota", 1000));

        Flood flood = flood(n -> LoopbackClient.client(1 + n % 50).getHostAddress());

        flood.print("50 clients", "global 20 an hour (2% of 1,000)");
        assertEquals(20, flood.emailed(), "random domains fill the global cap: " + flood);
        assertEquals(REQUESTS - 20, flood.refused());
        assertEquals(MEMBERS, listEventAfter(alerts));
    }

    @Test
    void withTheGlobalCapRaisedTheFormStillLeavesTheListsTheirTenPercent() throws Exception {
        // A day's quota of 100 and a global cap set above it: only the account's floor (90) holds the form.
        ListFixture alerts =
                start(Map.of("listwire.sending.daily-quota", 100, "listwire.subscriptions.link-caps.per-hour", 1000));

        Flood flood = flood(n -> LoopbackClient.client(1 + n).getHostAddress());

        flood.print("200 clients", "global cap 1,000, account floor 90 of 100");
        assertEquals(90, flood.emailed(), "random domains reach the floor: " + flood);
        assertEquals(REQUESTS - flood.emailed(), flood.refused());
        assertEquals(MEMBERS, listEventAfter(alerts), "the lists' last tenth is theirs");
    }

    /** The app with these settings, and a list on the same sending account with members who follow NVDA. */
    private ListFixture start(Map<String, Object> settings) {
        Instant now = Instant.now();
        Clock fromTopOfHour = Clock.offset(Clock.systemUTC(), Duration.between(now, now.truncatedTo(ChronoUnit.HOURS)));
        app = new SubscriptionsApp(settings, fromTopOfHour);
        // Made after the app's fixtures, which empty GreenMail when they are made.
        ListFixture alerts = ListFixture.forManifest("classpath:listwire-lists/stock-movement-alerts/list.json")
                .property("listwire.sending.table", app.prices.sendingTable());
        settings.forEach((name, value) -> {
            if (name.startsWith("listwire.sending.")) {
                alerts.property(name, value);
            }
        });
        for (int i = 0; i < MEMBERS; i++) {
            alerts.members().following("member" + i + "@members.listwire.test", List.of("NVDA"));
        }
        list = new StockMovementAlertsFunction(alerts.context());
        return alerts;
    }

    /** 200 requests, eight at a time, the nth from {@code client.apply(n)}. */
    private Flood flood(IntFunction<String> client) throws Exception {
        LogCapture logs = new LogCapture();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<LoopbackClient.Response>> responses = new ArrayList<>();
        for (int n = 0; n < REQUESTS; n++) {
            String from = client.apply(n);
            String body = "email=" + URLEncoder.encode(address(n), StandardCharsets.UTF_8);
            responses.add(pool.submit(() -> LoopbackClient.postForm(
                    java.net.InetAddress.getByName(from), app.server.getPort(), "/preferences", body)));
        }
        Map<Integer, Integer> byStatus = new HashMap<>();
        for (Future<LoopbackClient.Response> response : responses) {
            LoopbackClient.Response r = response.get();
            byStatus.merge(r.status(), 1, Integer::sum);
            if (r.status() == 429) {
                assertTrue(r.retryAfter().isPresent(), "a 429 says when to ask again");
            }
        }
        pool.shutdown();
        Map<String, Integer> byCap = new TreeMap<>();
        logs.lines("link-request-refused").forEach(line -> byCap.merge((String) line.get("cap"), 1, Integer::sum));
        logs.close();
        assertTrue(Set.of(200, 429).containsAll(byStatus.keySet()), "only sent or refused: " + byStatus);
        int emailed = app.inbox.all().size();
        assertEquals(byStatus.getOrDefault(200, 0), emailed, "each 200 is one email, each 429 none");
        return new Flood(emailed, byStatus.getOrDefault(429, 0), byCap);
    }

    /** What a script would try: a Gmail address's +tags, its dotted spellings, and random domains. */
    private static String address(int n) {
        return switch (n % 4) {
            case 0 -> "a+" + n + "@gmail.com";
            case 1 -> dotted("floodvictim", n) + "@gmail.com";
            default -> "x" + n + "@d" + Integer.toHexString(n * 7919) + ".example";
        };
    }

    /** {@code name} with dots after the letters that bit i of n says, so each n spells it differently. */
    private static String dotted(String name, int n) {
        StringBuilder spelled = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            spelled.append(name.charAt(i));
            if (i < name.length() - 1 && (n >> i & 1) == 1) {
                spelled.append('.');
            }
        }
        return spelled.toString();
    }

    /** A real event through the list function afterwards: how many members got it. */
    private int listEventAfter(ListFixture alerts) {
        int before = app.inbox.all().size();
        alerts.stack()
                .sqs()
                .sendMessage(b -> b.queueUrl(alerts.queueUrl())
                        .messageBody("{\"ticker\":\"NVDA\",\"price\":131.20,\"changePct\":-7.4,\"window\":\"1d\"}"));
        var response = list.handleRequest(SqsEvents.receive(alerts.stack().sqs(), alerts.queueUrl(), 1), null);
        assertTrue(response.getBatchItemFailures().isEmpty());
        int delivered = (int) new Inbox(alerts.mail())
                .all().stream()
                        .filter(m -> Inbox.to(m).endsWith("@members.listwire.test"))
                        .count();
        System.out.println("flood: list event after: " + delivered + " of " + MEMBERS + " members delivered ("
                + (app.inbox.all().size() - before) + " new emails)");
        return delivered;
    }

    private record Flood(int emailed, int refused, Map<String, Integer> refusedByCap) {
        void print(String from, String cap) {
            System.out.println("flood: " + REQUESTS + " requests from " + from + " (" + cap + "): " + emailed
                    + " emailed, " + refused + " refused with 429 " + refusedByCap);
        }
    }
}
