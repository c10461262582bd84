package dev.listwire.bench;

import dev.listwire.testkit.ListFixture;
import jakarta.mail.internet.MimeMessage;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Where the provider sets the pace: one event to a list, sent by the function in its own JVMs (one per
 * segment, {@link ParallelInvocations}) to a {@link LatencySink} that takes a set time per email, against the
 * bound pool x segments x the bare loop's one-connection rate on the same sink, capped by the account's rate.
 */
final class ProviderBench {

    /**
     * One configuration's run.
     *
     * @param perSecond   emails a second from the moment the event was queued to the end of the last invocation,
     *                    for the second event on the same JVMs (execution environments that Lambda reuses)
     * @param coldPerSecond the same for the first event, in new JVMs (every class loaded and compiled on the way)
     * @param atSink      emails a second at the sink, from the first email's MAIL FROM to the last one's
     * @param machineCores the whole machine's busy cores during the measured event (every process)
     * @param cpuMsPerEmail CPU of the function's JVMs per email (the workers' process CPU time)
     * @param segmentSizes  emails each segment sent, most first: a parallel scan's segments are not equal
     */
    record Row(
            long latencyMs,
            int pool,
            int segments,
            int members,
            double perSecond,
            double coldPerSecond,
            double atSink,
            double bound,
            double cpuMsPerEmail,
            double machineCores,
            long invocations,
            List<Long> sent,
            List<Long> segmentSizes) {

        double ratio() {
            return perSecond / bound;
        }

        /** Cores the function's JVMs kept busy while sending at this rate. */
        double cores() {
            return cpuMsPerEmail * perSecond / 1000;
        }

        /** Emails each segment sent, most first, as {@code 132/129/123/116}. */
        String segmentsText() {
            return segmentSizes.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining("/"));
        }

        /** The bound if every segment had to send as many as the largest: what an uneven split allows. */
        double unevenBound() {
            return segmentSizes.isEmpty() ? bound : bound * members / ((double) segmentSizes.get(0) * segments);
        }
    }

    /** A configuration: the pool per invocation, the segments, and the account's rate (0: none set). */
    record Setup(int pool, int segments, double accountRate) {}

    /**
     * Scan segments per invocation ({@code -Dbench.segments-per-invocation}, 1): with more, an event is split
     * into that many times more scan segments than there are invocations (JVMs), and a free invocation takes
     * the next one, so an uneven split evens out. "segments" in the rows and the bound still count
     * invocations.
     */
    static final int SEGMENTS_PER_INVOCATION = Integer.getInteger("bench.segments-per-invocation", 1);

    private ProviderBench() {}

    /** The bare loop's emails a second on one connection to this sink, over about three seconds of sending. */
    static double bareRate(MimeMessage template, SinkProcess sink) throws Exception {
        int count = (int) Math.max(10, 3000 / Math.max(1, sink.perMessageMs()));
        return BareLoop.send(template, "127.0.0.1", sink.port(), null, null, count);
    }

    /**
     * One event to a list sized so that sending at the bound lasts at least {@code minSeconds}, and never
     * fewer than {@code minMembers}; fails when the sink did not get exactly one email per member.
     */
    static Row run(SinkProcess sink, double bare, Setup setup, int minMembers, double minSeconds) throws Exception {
        double bound = setup.pool() * setup.segments() * bare;
        if (setup.accountRate() > 0) {
            bound = Math.min(bound, setup.accountRate());
        }
        int members = (int) Math.max(minMembers, Math.ceil(bound * minSeconds));
        int scanSegments = setup.segments() * SEGMENTS_PER_INVOCATION;
        ListFixture list = BenchList.fixture(scanSegments);
        // Names of their own for each list: a parallel scan splits by the hash of the key, and one fixed set
        // of names is one fixed split in every row (member0.. member499 split 287/213, far from even).
        list.members().many("m" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36) + "-", members);
        list.property("listwire.smtp.port", sink.port())
                .property("listwire.smtp.auth", false)
                .property("listwire.smtp.pool-size", setup.pool());
        if (setup.accountRate() > 0) {
            list.property("listwire.sending.rate-per-second", setup.accountRate());
        }
        try (ParallelInvocations function = ParallelInvocations.start(list, scanSegments, setup.segments())) {
            // The first event meets new JVMs; the second, the environments it left warm, as Lambda reuses them.
            FunctionProcess.Drained cold = function.sendToEveryMember(sink, members, "provider");
            int before = sink.count();
            MachineCpu machine = MachineCpu.now();
            FunctionProcess.Drained drained = function.sendToEveryMember(sink, members, "provider");
            double machineCores = MachineCpu.now().coresSince(machine);
            List<Long> sent = sink.acceptedSince(before);
            double seconds = (drained.lastEndMs() - drained.firstStartMs()) / 1000.0;
            long first = Collections.min(sent);
            long last = Collections.max(sent);
            double atSink = last > first ? (members - 1) / ((last - first) / 1000.0) : Double.NaN;
            return new Row(
                    sink.perMessageMs(),
                    setup.pool(),
                    setup.segments(),
                    members,
                    members / seconds,
                    members / ((cold.lastEndMs() - cold.firstStartMs()) / 1000.0),
                    atSink,
                    bound,
                    drained.cpuNanos() / 1e6 / members,
                    machineCores,
                    drained.invocations(),
                    sent,
                    // Per scan segment: with several a JVM, no single one sets the event's length.
                    SEGMENTS_PER_INVOCATION == 1 ? function.segmentSizes() : List.of());
        }
    }

    /** The most emails sent (MAIL FROM) within one of the account's rate windows (aligned as listwire counts them). */
    static long mostInAlignedWindow(List<Long> sentMs, int windowSeconds) {
        Map<Long, Long> perWindow = new HashMap<>();
        for (long ms : sentMs) {
            perWindow.merge(ms / 1000 / windowSeconds, 1L, Long::sum);
        }
        return perWindow.values().stream().mapToLong(Long::longValue).max().orElse(0);
    }

    /** The most emails sent within any {@code windowSeconds} seconds, wherever the window starts. */
    static long mostInSlidingWindow(List<Long> sentMs, int windowSeconds) {
        List<Long> sorted = sentMs.stream().sorted().toList();
        long most = 0;
        int from = 0;
        for (int to = 0; to < sorted.size(); to++) {
            while (sorted.get(to) - sorted.get(from) >= windowSeconds * 1000L) {
                from++;
            }
            most = Math.max(most, to - from + 1);
        }
        return most;
    }
}
