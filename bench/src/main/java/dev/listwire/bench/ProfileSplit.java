package dev.listwire.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a JDK Flight Recorder profile's CPU samples ({@code jdk.ExecutionSample}: Java threads running Java
 * code; the JIT compiler and the garbage collector are not sampled) fall: each sample goes to the part of
 * listwire's work nearest the top of its stack. Socket writes under Jakarta Mail's SMTP transport are
 * SMTP I/O even when the MIME writer is the caller.
 */
final class ProfileSplit {

    static final List<String> PARTS =
            List.of("AWS SDK calls", "rendering", "link signing", "MIME", "SMTP I/O", "other");

    private ProfileSplit() {}

    /**
     * Samples per part, in the order of {@link #PARTS}; of them, per part, those whose running method was
     * interpreted (not yet compiled: code the JIT has not met often enough); and for the "other" samples, the
     * classes running at the top of their stacks (where to look next).
     */
    record Split(
            Map<String, Long> parts,
            Map<String, Long> interpreted,
            Map<String, Long> otherTops,
            Map<String, Long> sdkTops) {

        long total() {
            return parts.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    static Split of(Path recording) throws IOException {
        Map<String, Long> samples = new LinkedHashMap<>();
        Map<String, Long> interpreted = new LinkedHashMap<>();
        PARTS.forEach(p -> samples.put(p, 0L));
        PARTS.forEach(p -> interpreted.put(p, 0L));
        Map<String, Long> otherTops = new java.util.HashMap<>();
        Map<String, Long> sdkTops = new java.util.HashMap<>();
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            if (event.getEventType().getName().equals("jdk.ExecutionSample")
                    && event.getStackTrace() != null
                    && !event.getStackTrace().getFrames().isEmpty()
                    && !harness(event.getStackTrace().getFrames())) {
                List<RecordedFrame> frames = event.getStackTrace().getFrames();
                String part = part(frames);
                samples.merge(part, 1L, Long::sum);
                if ("Interpreted".equals(frames.get(0).getType())) {
                    interpreted.merge(part, 1L, Long::sum);
                }
                if (part.equals("other")) {
                    otherTops.merge(type(frames.get(0)), 1L, Long::sum);
                } else if (part.equals("AWS SDK calls")) {
                    frames.stream()
                            .map(ProfileSplit::type)
                            .filter(t -> t.startsWith("software.amazon.awssdk."))
                            .findFirst()
                            .ifPresent(t -> sdkTops.merge(t, 1L, Long::sum));
                }
            }
        }
        return new Split(samples, interpreted, otherTops, sdkTops);
    }

    /**
     * The worker's own work between invocations (receiving and deleting the queue's messages, its readings):
     * on its stack, but outside the function's {@code handleRequest}. Lambda's event source mapping does it
     * outside the function, and the worker's CPU figures leave it out too.
     */
    static boolean harness(List<RecordedFrame> frames) {
        boolean inWorker = frames.stream().anyMatch(f -> type(f).equals(FunctionWorker.class.getName()));
        boolean inHandler = frames.stream()
                .anyMatch(f -> f.getMethod() != null && f.getMethod().getName().equals("handleRequest"));
        return inWorker && !inHandler;
    }

    /** @param frames the stack, its top (the running method) first */
    static String part(List<RecordedFrame> frames) {
        boolean inSocket = false;
        boolean underSmtp = frames.stream().anyMatch(f -> type(f).contains(".mail.smtp."));
        for (RecordedFrame frame : frames) {
            String type = type(frame);
            if (type.startsWith("java.net.") || type.startsWith("sun.nio.ch.") || type.startsWith("sun.net.")) {
                inSocket = true;
            } else if (type.startsWith("software.amazon.awssdk.")) {
                return "AWS SDK calls";
            } else if (type.startsWith("com.github.jknack.handlebars.") || type.endsWith(".EmailRenderer")) {
                return "rendering";
            } else if (type.startsWith("dev.listwire.common.links.")) {
                return "link signing";
            } else if (type.contains(".mail.smtp.")) {
                return "SMTP I/O";
            } else if (type.startsWith("jakarta.mail.")
                    || type.startsWith("org.eclipse.angus.mail.")
                    || type.startsWith("jakarta.activation.")
                    || type.startsWith("org.eclipse.angus.activation.")) {
                return inSocket && underSmtp ? "SMTP I/O" : "MIME";
            }
        }
        return "other";
    }

    /** The frame's class; a lambda's generated class is named after the class that holds the lambda. */
    private static String type(RecordedFrame frame) {
        String name =
                frame.getMethod() == null ? "" : frame.getMethod().getType().getName();
        int lambda = name.indexOf("$$Lambda");
        return lambda < 0 ? name : name.substring(0, lambda);
    }
}
