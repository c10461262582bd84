package dev.listwire.bench;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;

/**
 * The composing loop ({@link BareLoop#compose}) in a JVM of its own, so that its CPU time per email can be
 * set beside the function's: {@code connections} loops at once, each on its own connection, as the
 * function's pool sends. Prints {@code bench composed <emails> <process cpu ns> <jit ms> <gc ms>} for the measured round
 * (a first round, as long, warms the JIT and is not counted).
 *
 * <p>Usage: {@code ComposingWorker <email file> <port> <connections> <emails per connection>}.
 */
public final class ComposingWorker {

    private ComposingWorker() {}

    public static void main(String[] args) throws Exception {
        MimeMessage template;
        try (InputStream in = Files.newInputStream(Path.of(args[0]))) {
            template = new MimeMessage(Session.getInstance(new Properties()), in);
        }
        int port = Integer.parseInt(args[1]);
        int connections = Integer.parseInt(args[2]);
        int perConnection = Integer.parseInt(args[3]);
        round(template, port, connections, perConnection);
        JvmTimes before = JvmTimes.now();
        round(template, port, connections, perConnection);
        JvmTimes used = JvmTimes.now().since(before);
        System.out.println("bench composed " + (long) connections * perConnection + " " + used.fields());
        System.exit(0);
    }

    private static void round(MimeMessage template, int port, int connections, int perConnection) {
        List<CompletableFuture<Double>> loops = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            loops.add(CompletableFuture.supplyAsync(
                    () -> {
                        try {
                            return BareLoop.compose(template, "127.0.0.1", port, null, null, perConnection);
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    },
                    runnable -> new Thread(runnable).start()));
        }
        loops.forEach(CompletableFuture::join);
    }
}
