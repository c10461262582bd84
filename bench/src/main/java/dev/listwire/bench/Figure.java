package dev.listwire.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** A measurement repeated a few times: its median and its range (the machine is shared and noisy). */
record Figure(double median, double min, double max, int runs) {

    static Figure of(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no measurements");
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return new Figure(median, sorted.get(0), sorted.get(n - 1), n);
    }

    String format(String pattern) {
        return String.format(
                Locale.ROOT,
                pattern + " (%s–%s, n=%d)",
                median,
                String.format(Locale.ROOT, pattern, min),
                String.format(Locale.ROOT, pattern, max),
                runs);
    }
}
