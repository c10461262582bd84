package dev.listwire.feedback;

import dev.listwire.feedback.reports.FeedbackReport;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** The counts of one run, for its log line and its return value. */
final class FeedbackTally {

    private final long startNanos = System.nanoTime();
    private final Map<String, Integer> formats = new TreeMap<>();
    private final Map<String, Integer> kinds = new TreeMap<>();
    private final Map<String, Integer> acted = new TreeMap<>();
    private final Map<String, Integer> notUnderstood = new TreeMap<>();
    private int read;
    private int moved;

    void read() {
        read++;
    }

    /** How many messages the run read. */
    int readSoFar() {
        return read;
    }

    void understood(String format) {
        formats.merge(format, 1, Integer::sum);
    }

    void acted(FeedbackReport report, Acted what) {
        kinds.merge(report.kind().logName(), 1, Integer::sum);
        acted.merge(what.logName, 1, Integer::sum);
    }

    void notUnderstood(String why) {
        notUnderstood.merge(why, 1, Integer::sum);
    }

    void moved() {
        moved++;
    }

    int count(Acted what) {
        return acted.getOrDefault(what.logName, 0);
    }

    int notUnderstood() {
        return notUnderstood.values().stream().mapToInt(Integer::intValue).sum();
    }

    Map<String, Object> fields() {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("read", read);
        f.put("reports", new LinkedHashMap<>(formats));
        f.put("kinds", new LinkedHashMap<>(kinds));
        f.put("acted", new LinkedHashMap<>(acted));
        f.put("notUnderstood", notUnderstood());
        f.put("notUnderstoodBecause", new LinkedHashMap<>(notUnderstood));
        f.put("moved", moved);
        f.put("durationMs", (System.nanoTime() - startNanos) / 1_000_000);
        return f;
    }
}
