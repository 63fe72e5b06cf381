package dev.vpnbot.bootstrap.metrics;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;

/** A value that only goes up (requests served, errors seen), one series per label combination. */
public final class Counter extends Metric {
    private final Map<List<String>, DoubleAdder> series = new ConcurrentHashMap<>();

    Counter(String name, String help, List<String> labelNames) {
        super(name, help, labelNames);
        if (labelNames.isEmpty()) series.put(List.of(), new DoubleAdder()); // shown as 0 before the first event
    }

    public void inc(String... labelValues) {
        add(1, labelValues);
    }

    public void add(double amount, String... labelValues) {
        if (amount < 0) throw new IllegalArgumentException("a counter cannot go down");
        series.computeIfAbsent(checkedLabels(labelValues), k -> new DoubleAdder()).add(amount);
    }

    public double value(String... labelValues) {
        DoubleAdder a = series.get(checkedLabels(labelValues));
        return a == null ? 0 : a.sum();
    }

    @Override
    String type() {
        return "counter";
    }

    @Override
    void writeSamples(StringBuilder out) {
        series.entrySet().stream().sorted(Map.Entry.comparingByKey(LABEL_ORDER)).forEach(e -> {
            out.append(name);
            labels(out, labelNames, e.getKey(), null, null);
            out.append(' ').append(number(e.getValue().sum())).append('\n');
        });
    }
}
