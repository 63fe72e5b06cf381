package dev.vpnbot.bootstrap.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricsRegistryTest {
    private final MetricsRegistry registry = new MetricsRegistry();

    @Test
    void counters_are_written_in_prometheus_text_format_with_escaped_labels() {
        Counter c = registry.counter("vpnbot_things_total", "Things.\nSecond line.", "kind");
        c.inc("a");
        c.add(2.5, "b\"q\\");

        assertThat(registry.scrape()).isEqualTo("""
                # HELP vpnbot_things_total Things.\\nSecond line.
                # TYPE vpnbot_things_total counter
                vpnbot_things_total{kind="a"} 1
                vpnbot_things_total{kind="b\\"q\\\\"} 2.5
                """);
    }

    @Test
    void an_unlabelled_counter_shows_zero_before_its_first_event() {
        registry.counter("vpnbot_sent_total", "Sent.");
        assertThat(registry.scrape()).contains("vpnbot_sent_total 0\n");
    }

    @Test
    void a_histogram_has_cumulative_buckets_an_inf_bucket_a_sum_and_a_count() {
        Histogram h = registry.histogram("vpnbot_call_seconds", "Calls.", new double[] {0.1, 1}, "op");
        h.observe(0.05, "create");
        h.observe(0.1, "create"); // on the bound: counts in that bucket (le = less or equal)
        h.observe(0.5, "create");
        h.observe(7, "create");

        assertThat(registry.scrape()).isEqualTo("""
                # HELP vpnbot_call_seconds Calls.
                # TYPE vpnbot_call_seconds histogram
                vpnbot_call_seconds_bucket{op="create",le="0.1"} 2
                vpnbot_call_seconds_bucket{op="create",le="1"} 3
                vpnbot_call_seconds_bucket{op="create",le="+Inf"} 4
                vpnbot_call_seconds_sum{op="create"} 7.65
                vpnbot_call_seconds_count{op="create"} 4
                """);
        assertThat(h.count("create")).isEqualTo(4);
    }

    @Test
    void gauges_are_read_at_scrape_time_and_a_failing_one_does_not_spoil_the_page() {
        int[] queue = {3};
        registry.gauge("vpnbot_queue", "Queue.", () -> queue[0]);
        registry.gauge("vpnbot_orders", "Orders.", "status", () -> Map.of("paid", 2L, "created", 1L));
        registry.gauge("vpnbot_broken", "Broken.", "status", () -> {
            throw new IllegalStateException("database down");
        });
        registry.counter("vpnbot_after_total", "After.");
        queue[0] = 5;

        String page = registry.scrape();

        assertThat(page).contains("vpnbot_queue 5\n")
                .contains("vpnbot_orders{status=\"created\"} 1\nvpnbot_orders{status=\"paid\"} 2\n")
                .contains("# vpnbot_broken unavailable: IllegalStateException\n")
                .contains("vpnbot_after_total 0\n");
    }

    @Test
    void names_labels_and_registrations_are_checked() {
        assertThatThrownBy(() -> registry.counter("bad-name", "x")).hasMessageContaining("bad metric name");
        assertThatThrownBy(() -> registry.histogram("h", "x", new double[] {1}, "le")).hasMessageContaining("reserved");
        registry.counter("once_total", "x", "a");
        assertThatThrownBy(() -> registry.counter("once_total", "x")).hasMessageContaining("registered twice");
        Counter c = registry.counter("c_total", "x", "a", "b");
        assertThatThrownBy(() -> c.inc("only-one")).hasMessageContaining("takes labels [a, b]");
        assertThatThrownBy(() -> c.add(-1, "x", "y")).hasMessageContaining("cannot go down");
    }
}
