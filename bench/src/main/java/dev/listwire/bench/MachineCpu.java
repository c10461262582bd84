package dev.listwire.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The whole machine's busy CPU between two readings of {@code /proc/stat} (every process: the function's
 * JVMs, dynalite, ElasticMQ, the sink, anything else), in cores: whether a run that falls short of its bound
 * had the machine to itself or was waiting for a core. NaN where there is no {@code /proc/stat}.
 */
record MachineCpu(long busy, long total) {

    private static final Path STAT = Path.of("/proc/stat");

    static MachineCpu now() {
        try {
            // cpu  user nice system idle iowait irq softirq steal ...
            String[] f = Files.readAllLines(STAT).get(0).trim().split("\\s+");
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            long total = 0;
            for (int i = 1; i <= Math.min(8, f.length - 1); i++) {
                total += Long.parseLong(f[i]);
            }
            return new MachineCpu(total - idle, total);
        } catch (IOException | RuntimeException unreadable) {
            return new MachineCpu(-1, -1);
        }
    }

    /** Cores busy on average since {@code before}. */
    double coresSince(MachineCpu before) {
        if (busy < 0 || before.busy < 0 || total == before.total) {
            return Double.NaN;
        }
        return Runtime.getRuntime().availableProcessors() * (double) (busy - before.busy) / (total - before.total);
    }
}
