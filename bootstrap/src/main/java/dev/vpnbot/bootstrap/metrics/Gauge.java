package dev.vpnbot.bootstrap.metrics;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A value read when Prometheus scrapes (queue length, orders per status): a callback, so the
 * thing measured never has to push numbers anywhere. A callback that fails leaves the gauge
 * out of that scrape, with a comment saying why, instead of failing the whole page.
 */
public final class Gauge extends Metric {
    private static final Logger LOG = LoggerFactory.getLogger(Gauge.class);
    private final Supplier<Map<String, ? extends Number>> read;

    /** @param read values keyed by the one label's value ("" when the gauge has no label) */
    Gauge(String name, String help, List<String> labelNames, Supplier<Map<String, ? extends Number>> read) {
        super(name, help, labelNames);
        if (labelNames.size() > 1) throw new IllegalArgumentException("a callback gauge has at most one label");
        this.read = read;
    }

    @Override
    String type() {
        return "gauge";
    }

    @Override
    void writeSamples(StringBuilder out) {
        Map<String, ? extends Number> values;
        try {
            values = new TreeMap<>(read.get());
        } catch (RuntimeException e) {
            LOG.warn("metric {} could not be read: {}", name, e.toString());
            out.append("# ").append(name).append(" unavailable: ").append(e.getClass().getSimpleName()).append('\n');
            return;
        }
        values.forEach((label, value) -> {
            out.append(name);
            labels(out, labelNames, labelNames.isEmpty() ? List.of() : List.of(label), null, null);
            out.append(' ').append(number(value.doubleValue())).append('\n');
        });
    }
}
