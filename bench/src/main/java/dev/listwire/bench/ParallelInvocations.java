package dev.listwire.bench;

import dev.listwire.testkit.ListFixture;
import dev.listwire.testkit.SqsEvents;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A list function as Lambda runs it: as many execution environments as the event has segments, each a
 * {@link FunctionWorker} in its own JVM on {@code function.jar}, all taking messages from the list's queue.
 * An event put on the queue is split by the first worker that takes it, and the segments run side by side.
 */
final class ParallelInvocations implements AutoCloseable {

    private final ListFixture list;
    private final List<FunctionProcess> workers;
    private final Map<String, Long> sentBySegment = new LinkedHashMap<>();

    private ParallelInvocations(ListFixture list, List<FunctionProcess> workers) {
        this.list = list;
        this.workers = workers;
    }

    /** Starts {@code environments} workers at once and waits until each has built its function. */
    static ParallelInvocations start(ListFixture list, int segments, int environments) throws Exception {
        Map<String, String> env = new LinkedHashMap<>(System.getenv());
        env.putAll(list.environment());
        env.put("LISTWIRE_MANIFEST", BenchList.manifest(segments));
        List<CompletableFuture<FunctionProcess>> starting = new ArrayList<>();
        for (int i = 0; i < environments; i++) {
            starting.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return FunctionProcess.start(env, list.stack().sqsEndpoint(), list.queueUrl());
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }));
        }
        List<FunctionProcess> workers = new ArrayList<>();
        for (CompletableFuture<FunctionProcess> f : starting) {
            workers.add(f.join());
        }
        return new ParallelInvocations(list, workers);
    }

    /** Emails sent by each segment in the last event, most first. */
    List<Long> segmentSizes() {
        return sentBySegment.values().stream()
                .sorted(java.util.Comparator.reverseOrder())
                .toList();
    }

    FunctionProcess first() {
        return workers.get(0);
    }

    /**
     * Puts one event on the queue and has every worker invoke until the queue is empty.
     *
     * @return the invocations and CPU of all workers; the span from the moment the event was queued
     */
    FunctionProcess.Drained send(String eventId) throws Exception {
        long queued = System.currentTimeMillis();
        list.stack()
                .sqs()
                .sendMessage(b -> b.queueUrl(list.queueUrl())
                        .messageBody(FanOutBench.EVENT)
                        .messageAttributes(SqsEvents.eventIdAttribute(eventId)));
        for (FunctionProcess w : workers) {
            w.drain();
        }
        List<FunctionProcess.Drained> parts = new ArrayList<>();
        for (FunctionProcess w : workers) {
            parts.add(w.drained());
        }
        FunctionProcess.Drained all = FunctionProcess.total(parts);
        sentBySegment.clear();
        workers.forEach(w -> w.sentBySegment().forEach((segment, n) -> sentBySegment.merge(segment, n, Long::sum)));
        return new FunctionProcess.Drained(all.invocations(), queued, all.lastEndMs(), all.times(), all.threadCpu());
    }

    /**
     * One event to the whole list ({@link #send}); fails when the sink did not get exactly one email per member.
     *
     * @param name the start of the event's id, made unique here
     */
    FunctionProcess.Drained sendToEveryMember(SinkProcess sink, int members, String name) throws Exception {
        int before = sink.count();
        FunctionProcess.Drained drained = send(name + "-" + System.nanoTime());
        sink.awaitCount(before + members, 5_000);
        if (sink.count() - before != members) {
            throw new IllegalStateException(
                    "the sink got " + (sink.count() - before) + " emails for " + members + " members");
        }
        return drained;
    }

    @Override
    public void close() {
        workers.forEach(FunctionProcess::close);
    }
}
