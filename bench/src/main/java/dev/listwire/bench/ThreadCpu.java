package dev.listwire.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * CPU time per group of threads in this JVM (a thread's name without its numbers: {@code listwire-smtp},
 * {@code listwire-background}, {@code main}), between two readings: an exact split of where a JVM's Java
 * threads spent CPU, which sampling only estimates. A thread that ended between the readings is not counted;
 * the JIT compiler's and the collector's threads are not Java threads and are not listed.
 */
final class ThreadCpu {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Map<Long, Long> before = read();

    /** Nanoseconds of CPU per group since this object was made, as {@code group:ns,group:ns}. */
    String since() {
        Map<String, Long> groups = new TreeMap<>();
        Map<Long, Long> now = read();
        for (long id : now.keySet()) {
            ThreadInfo info = THREADS.getThreadInfo(id);
            if (info != null) {
                long used = now.get(id) - before.getOrDefault(id, 0L);
                groups.merge(group(info.getThreadName()), used, Long::sum);
            }
        }
        return groups.entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .map(e -> e.getKey() + ":" + e.getValue())
                .collect(Collectors.joining(","));
    }

    /** Parses {@link #since()}'s form. */
    static Map<String, Long> parse(String groups) {
        Map<String, Long> parsed = new TreeMap<>();
        for (String pair : groups.split(",")) {
            int colon = pair.lastIndexOf(':');
            if (colon > 0) {
                parsed.put(pair.substring(0, colon), Long.parseLong(pair.substring(colon + 1)));
            }
        }
        return parsed;
    }

    static String group(String threadName) {
        String group =
                threadName.replaceAll("[0-9]+", "").replaceAll("[-#$ ]+$", "").replaceAll("--+", "-");
        return group.isEmpty() ? "unnamed" : group.replaceAll("[,: ]", "_");
    }

    private static Map<Long, Long> read() {
        Map<Long, Long> cpu = new HashMap<>();
        for (long id : THREADS.getAllThreadIds()) {
            long ns = THREADS.getThreadCpuTime(id);
            if (ns >= 0) {
                cpu.put(id, ns);
            }
        }
        return cpu;
    }
}
