package dev.listwire.subscriptions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a one-click unsubscribe costs: the DynamoDB calls it makes (counted on the app's real client) and
 * how long the POST takes end to end over HTTP on this machine (Netty, as in the devstack, with dynalite).
 */
class UnsubscribeCostTest {

    private static final int POSTS = 50;
    private final SubscriptionsApp app = new SubscriptionsApp(Map.of("test.count-dynamodb-calls", true));
    private final DynamoDbCalls calls = app.context.getBean(DynamoDbCalls.class);

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void aOneClickUnsubscribeIsOneUpdateItemAndSoIsARepeat() {
        app.prices.members().many("cost-", POSTS);
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < POSTS; i++) {
            paths.add("/unsubscribe/" + app.unsubscribeToken(app.prices, "cost-" + i + "@members.listwire.test"));
        }
        app.postForm(paths.get(0), "List-Unsubscribe=One-Click"); // warm: the first request compiles the template
        calls.take();

        List<Long> total = new ArrayList<>();
        List<Long> dynamoDb = new ArrayList<>();
        for (int i = 1; i < POSTS; i++) {
            long start = System.nanoTime();
            assertEquals(
                    200,
                    app.postForm(paths.get(i), "List-Unsubscribe=One-Click").statusCode());
            total.add((System.nanoTime() - start) / 1_000_000);
            dynamoDb.addAll(calls.durations());
            assertEquals(List.of("UpdateItem"), calls.take(), "DynamoDB calls of one POST");
        }
        assertEquals(
                200, app.postForm(paths.get(1), "List-Unsubscribe=One-Click").statusCode());
        assertEquals(List.of("UpdateItem"), calls.take(), "a repeated POST: one conditional UpdateItem that fails");

        System.out.printf(
                "one-click unsubscribe POST: 1 DynamoDB call (UpdateItem); over %d POSTs on Netty + dynalite: "
                        + "whole POST %s, of which the UpdateItem %s%n",
                total.size(), summary(total), summary(dynamoDb));
    }

    private static String summary(List<Long> millis) {
        List<Long> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        return "median " + sorted.get(sorted.size() / 2) + " ms, p90 " + sorted.get(sorted.size() * 9 / 10)
                + " ms, max " + sorted.get(sorted.size() - 1) + " ms";
    }
}
