package dev.listwire.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The cost model's arithmetic, on figures chosen so that each column can be worked out by hand. */
class CostReportTest {

    /** 1.1 write units an email in a first run, 2.0 in the continuations after it. */
    private static final LargeListBench.Result LARGE = new LargeListBench.Result(
            100_000,
            50,
            Duration.ofMinutes(10),
            100_000,
            0.1,
            Map.of(),
            50,
            1.9,
            new LargeListBench.WriteUnits(11_000, 10_000),
            new LargeListBench.WriteUnits(180_000, 90_000));

    private static final CpuBench.Result CPU = new CpuBench.Result(
            100,
            16,
            1000,
            List.of(new CpuBench.PerEmail(1.0, 0.1, 0, Map.of())),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            150,
            null,
            null);

    @Test
    void aSlowProviderSendsMostThroughContinuationsAndAFastOneAllInFirstRuns() {
        List<String> out = new ArrayList<>();
        CostReport.run(
                out,
                List.of(row(300, 1, 2, 6.6), row(300, 1, 4, 13.2), row(100, 16, 2, 290), row(100, 16, 4, 430)),
                CPU,
                LARGE);
        String report = String.join("\n", out);

        // 300 ms, pool 1: 2/6.6 = 4/13.2 = 0.303 invocation-seconds an email, 3,030 s for 10,000; the first runs
        // of 3 segments (the median of 2 and 4) send for 90 s each: 270 of 3,030 s, 9%; 0.09 x 1.1 + 0.91 x 2.0.
        assertTrue(report.contains("| 300 ms | 1 | 512 MB | provider | 3030 | 1515 | 9% | 1.92 |"), report);
        // 100 ms, pool 16: the median of 2/290 and 4/430 s an email, 81 s for 10,000: all in the first runs.
        assertTrue(report.contains("| 100 ms | 16 | 512 MB | provider | 81 | 40 | 100% | 1.10 |"), report);
        // At 512 MB a function has 512/1769 of a vCPU: 1 ms of CPU an email takes 3.5 ms, under 0.303 s.
        assertTrue(report.contains("| 300 ms | 1 | 1024 MB | provider | 3030 | 3030 | 9% | 1.92 |"), report);
    }

    private static ProviderBench.Row row(long latencyMs, int pool, int segments, double perSecond) {
        return new ProviderBench.Row(
                latencyMs, pool, segments, 500, perSecond, perSecond, perSecond, perSecond, 1.0, 0.5, 1, List.of(),
                List.of());
    }
}
