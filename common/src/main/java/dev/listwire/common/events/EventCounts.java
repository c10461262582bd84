package dev.listwire.common.events;

import java.util.EnumMap;
import java.util.Map;

/** Some of an event's {@link SummaryCount}s; a count not given is 0. */
public record EventCounts(Map<SummaryCount, Long> values) {

    public static final EventCounts NONE = new EventCounts(Map.of());

    public EventCounts {
        EnumMap<SummaryCount, Long> copy = new EnumMap<>(SummaryCount.class);
        values.forEach((count, n) -> {
            if (n != 0) {
                copy.put(count, n);
            }
        });
        values = Map.copyOf(copy);
    }

    public long get(SummaryCount count) {
        return values.getOrDefault(count, 0L);
    }

    public EventCounts with(SummaryCount count, long n) {
        EnumMap<SummaryCount, Long> more = copy();
        more.put(count, n);
        return new EventCounts(more);
    }

    public EventCounts plus(EventCounts other) {
        EnumMap<SummaryCount, Long> sum = copy();
        other.values.forEach((count, n) -> sum.merge(count, n, Long::sum));
        return new EventCounts(sum);
    }

    private EnumMap<SummaryCount, Long> copy() {
        EnumMap<SummaryCount, Long> copy = new EnumMap<>(SummaryCount.class);
        copy.putAll(values);
        return copy;
    }
}
