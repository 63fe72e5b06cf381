package dev.vpnbot.bootstrap.metrics;

import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/** One metric family in the registry: it writes itself in the Prometheus text format. */
abstract sealed class Metric permits Counter, Histogram, Gauge {
    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    /** Series are written sorted by their label values, so a scrape reads the same every time. */
    static final Comparator<List<String>> LABEL_ORDER = (a, b) -> {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) return c;
        }
        return Integer.compare(a.size(), b.size());
    };

    final String name;
    final String help;
    final List<String> labelNames;

    Metric(String name, String help, List<String> labelNames) {
        if (!NAME.matcher(name).matches()) throw new IllegalArgumentException("bad metric name: " + name);
        for (String l : labelNames) {
            if (!LABEL.matcher(l).matches() || l.startsWith("__")) throw new IllegalArgumentException("bad label name: " + l);
        }
        this.name = name;
        this.help = help;
        this.labelNames = List.copyOf(labelNames);
    }

    abstract String type();

    abstract void writeSamples(StringBuilder out);

    final void write(StringBuilder out) {
        out.append("# HELP ").append(name).append(' ').append(help.replace("\\", "\\\\").replace("\n", "\\n")).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type()).append('\n');
        writeSamples(out);
    }

    final List<String> checkedLabels(String... values) {
        if (values.length != labelNames.size()) {
            throw new IllegalArgumentException(name + " takes labels " + labelNames + ", got " + values.length + " value(s)");
        }
        for (String v : values) {
            if (v == null) throw new IllegalArgumentException(name + ": label values cannot be null");
        }
        return List.of(values);
    }

    /** {a="x",b="y"} with an optional extra label (le for buckets), or nothing when there are no labels. */
    static void labels(StringBuilder out, List<String> names, List<String> values, String extraName, String extraValue) {
        if (names.isEmpty() && extraName == null) return;
        out.append('{');
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) out.append(',');
            out.append(names.get(i)).append("=\"").append(escape(values.get(i))).append('"');
        }
        if (extraName != null) {
            if (!names.isEmpty()) out.append(',');
            out.append(extraName).append("=\"").append(extraValue).append('"');
        }
        out.append('}');
    }

    static String escape(String labelValue) {
        return labelValue.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    static String number(double v) {
        if (Double.isNaN(v)) return "NaN";
        if (Double.isInfinite(v)) return v > 0 ? "+Inf" : "-Inf";
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        return Double.toString(v);
    }
}
