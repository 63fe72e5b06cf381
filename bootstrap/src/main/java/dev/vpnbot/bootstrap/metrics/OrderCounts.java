package dev.vpnbot.bootstrap.metrics;

import dev.vpnbot.domain.order.OrderStatus;
import java.util.Map;

/** How many orders are in each status right now; read at scrape time for the orders gauge. */
@FunctionalInterface
public interface OrderCounts {
    /** Statuses with no orders may be missing from the map. */
    Map<OrderStatus, Long> countByStatus();
}
