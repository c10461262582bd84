package dev.listwire.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;

/**
 * What a JVM spent beside its own threads' work, read inside that JVM: the process's CPU time, the JIT
 * compiler's time and the collector's pauses. JDK Flight Recorder samples only Java threads, so the
 * compiler's and the collector's shares of a CPU figure come from here.
 */
record JvmTimes(long cpuNanos, long jitMs, long gcMs) {

    static JvmTimes now() {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long gc = 0;
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            gc += Math.max(0, collector.getCollectionTime());
        }
        return new JvmTimes(
                os.getProcessCpuTime(), ManagementFactory.getCompilationMXBean().getTotalCompilationTime(), gc);
    }

    JvmTimes since(JvmTimes before) {
        return new JvmTimes(cpuNanos - before.cpuNanos, jitMs - before.jitMs, gcMs - before.gcMs);
    }

    JvmTimes plus(JvmTimes other) {
        return new JvmTimes(cpuNanos + other.cpuNanos, jitMs + other.jitMs, gcMs + other.gcMs);
    }

    /** The three as {@link #fields()} printed them, from {@code fields[from]} on. */
    static JvmTimes parse(String[] fields, int from) {
        return new JvmTimes(
                Long.parseLong(fields[from]), Long.parseLong(fields[from + 1]), Long.parseLong(fields[from + 2]));
    }

    /** The three, as the workers print them: {@code <cpu ns> <jit ms> <gc ms>}. */
    String fields() {
        return cpuNanos + " " + jitMs + " " + gcMs;
    }
}
