package dev.listwire.bench;

import dev.listwire.common.links.DeliveryRef;
import dev.listwire.common.links.DeliveryRefs;
import dev.listwire.common.links.LinkConfiguration;
import dev.listwire.common.mail.ListMessages;
import dev.listwire.feedback.reports.BounceMessages;
import dev.listwire.testkit.LocalStack;
import dev.listwire.testkit.TestMailServer;
import dev.listwire.testkit.local.LocalResources;
import jakarta.mail.Folder;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * What one run of the feedback function's schedule costs: its JVM started from {@code feedback/target/function.jar}
 * with the Lambda-like options, its handler built, a first (cold) run and warm runs over an empty mailbox on
 * GreenMail (plain IMAP, no TLS), then one run over {@code reports} DSNs, acting on each (dynalite).
 */
final class FeedbackBench {

    static final String KEY = "bench-feedback-key-0123456789abcdefghijklmnop";

    record Result(double constructedMs, double coldRunMs, Figure warmRunMs, double reportsRunMs, int reports) {}

    private FeedbackBench() {}

    static Result run(int warmRuns, int reports) throws Exception {
        LocalStack stack = LocalStack.shared();
        String suffix = "-bench-" + System.nanoTime();
        LocalResources resources = new LocalResources(stack.dynamoDb(), stack.sqs());
        resources.createLedger("listwire-deliveries" + suffix);
        resources.createEventsTable("listwire-events" + suffix);
        resources.createSuppressionTable("listwire-suppressions" + suffix);
        resources.createFeedbackTable("listwire-feedback" + suffix);
        stack.mail().purgeEmailFromAllMailboxes();
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("aws.region", LocalStack.REGION);
        properties.put("aws.access-key-id", LocalStack.ACCESS_KEY);
        properties.put("aws.secret-key", LocalStack.SECRET_KEY);
        properties.put("aws.services.dynamodb.endpoint-override", stack.dynamoDbEndpoint());
        properties.put("listwire.ledger.table", "listwire-deliveries" + suffix);
        properties.put("listwire.events.table", "listwire-events" + suffix);
        properties.put("listwire.suppression.table", "listwire-suppressions" + suffix);
        properties.put("listwire.feedback.table", "listwire-feedback" + suffix);
        properties.put("listwire.feedback.mailbox.host", "127.0.0.1");
        properties.put(
                "listwire.feedback.mailbox.port", Integer.toString(stack.mail().imapPort()));
        properties.put("listwire.feedback.mailbox.ssl", "false");
        properties.put("listwire.smtp.username", TestMailServer.USER);
        properties.put("listwire.smtp.password", TestMailServer.PASSWORD);
        properties.put("listwire.links.key", KEY);
        List<String> options = new ArrayList<>(Jvm.LAMBDA_LIKE);
        properties.forEach((name, value) -> options.add("-D" + name + "=" + value));
        String classPath = Jvm.existing(System.getProperty("bench.feedback-jar", "../feedback/target/function.jar"))
                + File.pathSeparator
                + Jvm.existing(System.getProperty("bench.probe-jar", "target/listwire-bench.jar"));
        Process process = new ProcessBuilder(Jvm.onClassPath(options, classPath, FeedbackProbe.class.getName()))
                .redirectErrorStream(true)
                .start();
        try (BufferedReader out =
                        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                Writer in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8)) {
            double constructed = Double.parseDouble(next(out, "constructed")[0]);
            double cold = run(in, out, 0);
            List<Double> warm = new ArrayList<>();
            for (int i = 0; i < warmRuns; i++) {
                warm.add(run(in, out, 0));
            }
            deliverBounces(stack.mail(), reports);
            double withReports = run(in, out, reports);
            return new Result(constructed, cold, Figure.of(warm), withReports, reports);
        } finally {
            process.destroy();
        }
    }

    private static double run(Writer in, BufferedReader out, int expectedRead) throws Exception {
        in.write("run\n");
        in.flush();
        String[] ran = next(out, "ran");
        if (Integer.parseInt(ran[1]) != expectedRead) {
            throw new IllegalStateException("the run read " + ran[1] + " messages, not " + expectedRead);
        }
        return Long.parseLong(ran[0]) / 1000.0;
    }

    /** The probe's next line of this kind, its words after the kind; other lines (the function's log) skipped. */
    private static String[] next(BufferedReader out, String kind) throws Exception {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith(FeedbackProbe.PREFIX + kind + " ")) {
                return line.substring((FeedbackProbe.PREFIX + kind + " ").length())
                        .split(" ");
            }
        }
        throw new IllegalStateException("the feedback probe ended before it printed '" + kind + "'");
    }

    /** One DSN for each of {@code count} list emails, into the sending account's inbox (IMAP APPEND). */
    private static void deliverBounces(TestMailServer mail, int count) throws Exception {
        Session session = Session.getInstance(new Properties());
        DeliveryRefs refs = new DeliveryRefs(new LinkConfiguration(null, "k1", KEY, null));
        BounceMessages bounces = new BounceMessages();
        MimeMessage[] dsns = new MimeMessage[count];
        for (int i = 0; i < count; i++) {
            String address = "member-" + i + "@example.com";
            MimeMessage original = new MimeMessage(session);
            original.setFrom(new InternetAddress(TestMailServer.USER));
            original.setRecipients(MimeMessage.RecipientType.TO, address);
            original.setSubject("NVDA at 131.20");
            original.setHeader(
                    ListMessages.DELIVERY_HEADER, refs.sign(new DeliveryRef("bench-list", "evt-1", address)));
            original.setText("An alert.");
            original.saveChanges();
            dsns[i] = bounces.dsnFor(original, address, "5.1.1", "550 5.1.1 No such user", "mx.example.com");
        }
        try (Store store = session.getStore("imap")) {
            store.connect("127.0.0.1", mail.imapPort(), TestMailServer.USER, TestMailServer.PASSWORD);
            Folder inbox = store.getFolder("INBOX");
            inbox.appendMessages(dsns);
        }
    }
}
