package dev.listwire.bench;

import dev.listwire.common.threads.Background;
import io.micronaut.context.ApplicationContext;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * The ledger's claim alone, in a JVM of its own with the function's flags and the function's own
 * {@link DynamoDbClient} (built by its application context from the environment, as on Lambda): the same
 * conditional {@code UpdateItem} a list function makes for each recipient, on new keys. What is left of
 * listwire's CPU per email once this floor is taken away is what listwire itself adds.
 *
 * <p>Two ways to make the calls: {@code threads} loops at once, each making its own calls one after another
 * (no thread waits for another); or, with {@code ahead} above 0, as listwire's claims-ahead window makes
 * them: one thread keeps {@code ahead} claims on their way on listwire's background threads and waits for
 * each in turn, so every claim is handed to another thread and its answer handed back.
 *
 * <p>Usage: {@code ClaimCallWorker <ledger table> <threads> <calls per thread> <ahead>}. Prints {@code bench
 * claimed <calls> <cpu ns> <jit ms> <gc ms>} for the measured round, after three rounds as long that warm
 * up and are not counted.
 */
public final class ClaimCallWorker {

    private static final int WARM_UP_ROUNDS = 3;

    private ClaimCallWorker() {}

    public static void main(String[] args) throws Exception {
        try (ApplicationContext context = ApplicationContext.run()) {
            DynamoDbClient dynamoDb = context.getBean(DynamoDbClient.class);
            String table = args[0];
            int threads = Integer.parseInt(args[1]);
            int calls = Integer.parseInt(args[2]);
            int ahead = Integer.parseInt(args[3]);
            for (int i = 0; i < WARM_UP_ROUNDS; i++) {
                round(dynamoDb, table, threads, calls, ahead);
            }
            JvmTimes before = JvmTimes.now();
            round(dynamoDb, table, threads, calls, ahead);
            JvmTimes used = JvmTimes.now().since(before);
            System.out.println("bench claimed " + (long) threads * calls + " " + used.fields());
        }
        System.exit(0);
    }

    private static void round(DynamoDbClient dynamoDb, String table, int threads, int calls, int ahead) {
        String event = "claims#" + System.nanoTime();
        if (ahead > 0) {
            Deque<CompletableFuture<Void>> window = new ArrayDeque<>();
            for (int i = 0; i < threads * calls; i++) {
                String email = "member-" + i + "@example.com";
                window.add(Background.supply(() -> {
                    claim(dynamoDb, table, event, email);
                    return null;
                }));
                if (window.size() >= ahead) {
                    window.remove().join();
                }
            }
            window.forEach(CompletableFuture::join);
            return;
        }
        List<CompletableFuture<Void>> loops = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            loops.add(CompletableFuture.runAsync(
                    () -> {
                        for (int i = 0; i < calls; i++) {
                            claim(dynamoDb, table, event, "member-" + thread + "-" + i + "@example.com");
                        }
                    },
                    runnable -> new Thread(runnable).start()));
        }
        loops.forEach(CompletableFuture::join);
    }

    /** As {@code EventLedger#claim} writes it. */
    private static void claim(DynamoDbClient dynamoDb, String table, String event, String email) {
        long now = System.currentTimeMillis();
        dynamoDb.updateItem(b -> b.tableName(table)
                .key(Map.of("event", AttributeValue.fromS(event), "email", AttributeValue.fromS(email)))
                .updateExpression("SET #status = :claimed, #owner = :me, #lease = :lease, "
                        + "#updated = :now, #expires = :expires")
                .conditionExpression("attribute_not_exists(#email) OR #status = :deferred "
                        + "OR (#status = :claimed AND #lease < :now)")
                .expressionAttributeNames(Map.of(
                        "#email", "email",
                        "#status", "status",
                        "#owner", "owner",
                        "#lease", "leaseUntil",
                        "#updated", "updatedAt",
                        "#expires", "expiresAt"))
                .expressionAttributeValues(Map.of(
                        ":claimed", AttributeValue.fromS("claimed"),
                        ":deferred", AttributeValue.fromS("deferred"),
                        ":now", AttributeValue.fromN(Long.toString(now)),
                        ":me", AttributeValue.fromS("bench"),
                        ":lease", AttributeValue.fromN(Long.toString(now + 120_000)),
                        ":expires", AttributeValue.fromN(Long.toString(now / 1000 + 86_400))))
                .returnValues(ReturnValue.ALL_OLD));
    }
}
