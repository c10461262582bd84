package dev.listwire.devstack.stack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** The devstack's ports: SQS 9324, DynamoDB 8000, SMTP 3025, IMAP 3143, web 8080 unless told otherwise. */
public record Ports(int sqs, int dynamoDb, int smtp, int imap, int http) {

    public static final Ports DEFAULT = new Ports(9324, 8000, 3025, 3143, 8080);

    /**
     * The ports this process uses: the defaults, or {@code -Dlistwire.ports=sqs,dynamodb,smtp,imap,http}
     * (the tests run a devstack beside a developer's own on free ports).
     */
    public static Ports configured() {
        String value = System.getProperty("listwire.ports");
        if (value == null) {
            return DEFAULT;
        }
        int[] p = Arrays.stream(value.split(","))
                .mapToInt(s -> Integer.parseInt(s.trim()))
                .toArray();
        if (p.length != 5) {
            throw new IllegalArgumentException("listwire.ports needs five ports: sqs,dynamodb,smtp,imap,http");
        }
        return new Ports(p[0], p[1], p[2], p[3], p[4]);
    }

    public String asProperty() {
        return sqs + "," + dynamoDb + "," + smtp + "," + imap + "," + http;
    }

    /** Refuses to start, naming the part and the port, when something already listens there. */
    public void requireFree() {
        requireFree(true);
    }

    /** As {@link #requireFree()}; GreenMail's ports only when it runs (not with {@code --smtp}). */
    public void requireFree(boolean greenMail) {
        Map<String, Integer> wanted = new LinkedHashMap<>();
        wanted.put("SQS (ElasticMQ)", sqs);
        wanted.put("DynamoDB (dynalite)", dynamoDb);
        if (greenMail) {
            wanted.put("SMTP (GreenMail)", smtp);
            wanted.put("IMAP (GreenMail)", imap);
        }
        wanted.put("web (mail viewer, preference center)", http);
        wanted.forEach((part, port) -> {
            if (!free(port)) {
                throw new DevstackException("Port " + port + " for " + part + " is already in use. Is a devstack "
                        + "already running? Stop it (Ctrl-C), or find what holds the port with 'ss -ltnp | grep :"
                        + port + "'.");
            }
        });
    }

    /**
     * Waits until every port can be bound again: Netty and Pekko let go of theirs a moment after they
     * report stopped, and a devstack started again at once (or a test's second start) needs them.
     */
    public void awaitFree(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (int port : new int[] {sqs, dynamoDb, smtp, imap, http}) {
            while (!free(port) && System.nanoTime() < deadline) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private static boolean free(int port) {
        try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            probe.setReuseAddress(true);
            return true;
        } catch (IOException taken) {
            return false;
        }
    }
}
