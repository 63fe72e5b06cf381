package dev.vpnbot.bootstrap.metrics;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * Observations counted into buckets (cumulative "le" buckets, sum and count, as Prometheus
 * expects), one series per label combination. Used for latencies in seconds.
 */
public final class Histogram extends Metric {
    /** Latency buckets from 5 ms to 30 s: panel calls and fulfilments live in this range. */
    public static final double[] LATENCY_SECONDS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30};

    private final double[] bounds;
    private final Map<List<String>, Series> series = new ConcurrentHashMap<>();

    private static final class Series {
        final LongAdder[] counts; // per bucket, not cumulative; the last one is +Inf
        final DoubleAdder sum = new DoubleAdder();

        Series(int buckets) {
            counts = new LongAdder[buckets + 1];
            for (int i = 0; i < counts.length; i++) counts[i] = new LongAdder();
        }
    }

    Histogram(String name, String help, double[] bounds, List<String> labelNames) {
        super(name, help, labelNames);
        if (labelNames.contains("le")) throw new IllegalArgumentException("'le' is reserved for buckets");
        if (bounds.length == 0) throw new IllegalArgumentException("a histogram needs buckets");
        for (int i = 1; i < bounds.length; i++) {
            if (bounds[i] <= bounds[i - 1]) throw new IllegalArgumentException("buckets must increase");
        }
        this.bounds = bounds.clone();
        if (labelNames.isEmpty()) series.put(List.of(), new Series(bounds.length));
    }

    public void observe(double value, String... labelValues) {
        Series s = series.computeIfAbsent(checkedLabels(labelValues), k -> new Series(bounds.length));
        int i = Arrays.binarySearch(bounds, value);
        int bucket = i >= 0 ? i : -i - 1; // first bound >= value; bounds.length means +Inf
        s.counts[bucket].increment();
        s.sum.add(value);
    }

    /** Observes the time since {@code startNanos} (from {@link System#nanoTime()}) in seconds. */
    public void observeSince(long startNanos, String... labelValues) {
        observe((System.nanoTime() - startNanos) / 1e9, labelValues);
    }

    public long count(String... labelValues) {
        Series s = series.get(checkedLabels(labelValues));
        if (s == null) return 0;
        long n = 0;
        for (LongAdder c : s.counts) n += c.sum();
        return n;
    }

    @Override
    String type() {
        return "histogram";
    }

    @Override
    void writeSamples(StringBuilder out) {
        series.entrySet().stream().sorted(Map.Entry.comparingByKey(LABEL_ORDER)).forEach(e -> {
            List<String> values = e.getKey();
            Series s = e.getValue();
            long cumulative = 0;
            for (int i = 0; i <= bounds.length; i++) {
                cumulative += s.counts[i].sum();
                out.append(name).append("_bucket");
                labels(out, labelNames, values, "le", i < bounds.length ? number(bounds[i]) : "+Inf");
                out.append(' ').append(cumulative).append('\n');
            }
            out.append(name).append("_sum");
            labels(out, labelNames, values, null, null);
            out.append(' ').append(number(s.sum.sum())).append('\n');
            out.append(name).append("_count");
            labels(out, labelNames, values, null, null);
            out.append(' ').append(cumulative).append('\n'); // equals the +Inf bucket, as the format requires
        });
    }
}
