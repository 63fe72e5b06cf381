package dev.vpnbot.bootstrap.metrics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;

/**
 * The bot's metrics, written out in the Prometheus text format (version 0.0.4) for
 * {@code GET /metrics}. Small on purpose: counters, callback gauges and histograms are all
 * the bot needs, and no adapter knows this class exists.
 */
public final class MetricsRegistry {
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final Map<String, Metric> metrics = new LinkedHashMap<>();

    public Counter counter(String name, String help, String... labelNames) {
        return register(new Counter(name, help, List.of(labelNames)));
    }

    public Histogram histogram(String name, String help, double[] buckets, String... labelNames) {
        return register(new Histogram(name, help, buckets, List.of(labelNames)));
    }

    /** A gauge read at scrape time. */
    public void gauge(String name, String help, DoubleSupplier value) {
        register(new Gauge(name, help, List.of(), () -> Map.of("", value.getAsDouble())));
    }

    /** A gauge with one label, all of whose series are read at scrape time (e.g. orders per status). */
    public void gauge(String name, String help, String labelName, Supplier<Map<String, ? extends Number>> values) {
        register(new Gauge(name, help, List.of(labelName), values));
    }

    /** Everything, in registration order. */
    public String scrape() {
        StringBuilder out = new StringBuilder(4096);
        List<Metric> snapshot;
        synchronized (metrics) {
            snapshot = List.copyOf(metrics.values());
        }
        for (Metric m : snapshot) m.write(out);
        return out.toString();
    }

    private <M extends Metric> M register(M metric) {
        synchronized (metrics) {
            if (metrics.putIfAbsent(metric.name, metric) != null) {
                throw new IllegalArgumentException("metric " + metric.name + " is registered twice");
            }
        }
        return metric;
    }
}
