package dev.vpnbot.bootstrap.metrics;

import dev.vpnbot.domain.order.OrderStatus;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code vpnbot_orders} gauge: orders per status, counted with one query per scrape (not one
 * per status), every status shown, 0 included. When the count fails the gauge is left off that
 * page instead of showing made-up numbers, and the rest of the page is served as usual.
 */
final class OrdersPerStatus {
    private static final Logger LOG = LoggerFactory.getLogger(OrdersPerStatus.class);

    private final OrderCounts counts;
    private final MultiGauge gauge;
    private final List<MultiGauge.Row<?>> everyStatus;
    private volatile Map<OrderStatus, Long> counted = Map.of();

    OrdersPerStatus(OrderCounts counts, MeterRegistry registry) {
        this.counts = counts;
        this.gauge = MultiGauge.builder("vpnbot_orders").description("Orders per status right now.").register(registry);
        this.everyStatus = Arrays.stream(OrderStatus.values())
                .<MultiGauge.Row<?>>map(s -> MultiGauge.Row.of(Tags.of("status", s.name().toLowerCase(Locale.ROOT)), this,
                        self -> self.counted.getOrDefault(s, 0L)))
                .toList();
    }

    /** Counts the orders for the scrape that follows. */
    void count() {
        try {
            counted = counts.countByStatus();
            gauge.register(everyStatus); // rows already shown stay as they are
        } catch (RuntimeException e) {
            LOG.warn("metric vpnbot_orders could not be read: {}", e.toString());
            gauge.register(List.of());
        }
    }
}
