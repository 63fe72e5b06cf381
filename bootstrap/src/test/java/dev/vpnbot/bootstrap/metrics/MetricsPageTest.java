package dev.vpnbot.bootstrap.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnbot.domain.order.OrderStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The page {@code GET /metrics} serves: what Prometheus reads, pinned here so a Micrometer upgrade cannot change it unseen. */
class MetricsPageTest {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    @Test
    void counters_are_written_in_prometheus_text_format_with_escaped_labels() {
        Counter.builder("vpnbot_things_total").description("Things.\nSecond line.").tag("kind", "a").register(registry).increment();
        Counter.builder("vpnbot_things_total").description("Things.\nSecond line.").tag("kind", "b\"q\\").register(registry)
                .increment(2.5);

        assertThat(registry.scrape(BotMetrics.CONTENT_TYPE)).isEqualTo("""
                # HELP vpnbot_things_total Things.\\nSecond line.
                # TYPE vpnbot_things_total counter
                vpnbot_things_total{kind="a"} 1.0
                vpnbot_things_total{kind="b\\"q\\\\"} 2.5
                """);
    }

    @Test
    void an_unlabelled_counter_shows_zero_before_its_first_event() {
        String page = new BotMetrics(registry, Optional.empty(), Optional.empty()).scrape();
        assertThat(page).contains("vpnbot_expiry_reminders_sent_total 0.0\n");
    }

    @Test
    void a_histogram_has_cumulative_buckets_an_inf_bucket_a_sum_and_a_count() {
        Timer h = Timer.builder("vpnbot_call_seconds").description("Calls.").tag("op", "create")
                .serviceLevelObjectives(Duration.ofMillis(100), Duration.ofSeconds(1)).register(registry);
        h.record(Duration.ofMillis(50));
        h.record(Duration.ofMillis(100)); // on the bound: counts in that bucket (le = less or equal)
        h.record(Duration.ofMillis(500));
        h.record(Duration.ofSeconds(7));

        assertThat(registry.scrape(BotMetrics.CONTENT_TYPE)).isEqualTo("""
                # HELP vpnbot_call_seconds Calls.
                # TYPE vpnbot_call_seconds histogram
                vpnbot_call_seconds_bucket{op="create",le="0.1"} 2
                vpnbot_call_seconds_bucket{op="create",le="1.0"} 3
                vpnbot_call_seconds_bucket{op="create",le="+Inf"} 4
                vpnbot_call_seconds_count{op="create"} 4
                vpnbot_call_seconds_sum{op="create"} 7.65
                # HELP vpnbot_call_seconds_max Calls.
                # TYPE vpnbot_call_seconds_max gauge
                vpnbot_call_seconds_max{op="create"} 7.0
                """);
        assertThat(h.count()).isEqualTo(4);
        // the bot's own latencies: buckets from 5 ms to 30 s
        assertThat(new BotMetrics(registry, Optional.empty(), Optional.empty()).scrape())
                .contains("vpnbot_fulfilment_seconds_bucket{le=\"0.005\"} 0\n", "vpnbot_fulfilment_seconds_bucket{le=\"30.0\"} 0\n",
                        "vpnbot_fulfilment_seconds_bucket{le=\"+Inf\"} 0\n");
    }

    @Test
    void gauges_are_read_at_scrape_time_and_a_failing_one_does_not_spoil_the_page() {
        int[] queue = {3};
        AtomicReference<Map<OrderStatus, Long>> orders = new AtomicReference<>();
        BotMetrics metrics = new BotMetrics(registry, Optional.of(() -> {
            if (orders.get() == null) throw new IllegalStateException("database down");
            return orders.get();
        }), Optional.of(() -> queue[0]));
        queue[0] = 5;

        String page = metrics.scrape();

        assertThat(page).contains("vpnbot_sender_queue_length 5.0\n", "vpnbot_expiry_reminders_sent_total 0.0\n")
                .doesNotContain("vpnbot_orders");

        orders.set(Map.of(OrderStatus.PAID, 2L, OrderStatus.CREATED, 1L));
        assertThat(metrics.scrape()).contains("vpnbot_orders{status=\"created\"} 1.0\n", "vpnbot_orders{status=\"paid\"} 2.0\n");
        orders.set(null);
        assertThat(metrics.scrape()).doesNotContain("vpnbot_orders").contains("vpnbot_sender_queue_length 5.0\n");
    }

    @Test
    void a_series_asked_for_again_is_the_same_series_and_names_and_amounts_are_kept_to_prometheus_rules() {
        Counter once = Counter.builder("once_total").tag("a", "x").register(registry);
        assertThat(Counter.builder("once_total").tag("a", "x").register(registry)).isSameAs(once);
        once.increment();
        once.increment(-1); // a counter cannot go down: ignored
        Counter.builder("bad-name").register(registry);

        assertThat(once.count()).isEqualTo(1);
        assertThat(registry.scrape(BotMetrics.CONTENT_TYPE)).contains("once_total{a=\"x\"} 1.0\n", "bad_name_total 0.0\n");
    }
}
