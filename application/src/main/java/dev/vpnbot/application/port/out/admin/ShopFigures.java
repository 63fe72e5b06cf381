package dev.vpnbot.application.port.out.admin;

import dev.vpnbot.application.model.statistics.Revenue;
import java.time.Instant;
import dev.vpnbot.domain.order.OrderStatus;
import java.util.Map;

/** Outgoing port: the counts behind the admin's statistics screen. */
public interface ShopFigures {

    long countUsers();

    /** Keys that are active and not expired at {@code now}. */
    long countActiveKeys(Instant now);

    /** Active keys whose expiry lies in [from, to). */
    long countKeysExpiringBetween(Instant from, Instant to);

    /** How many orders stand in each status right now (statuses with none may be left out). */
    Map<OrderStatus, Long> countOrdersByStatus();

    /** Orders paid at or after {@code since} (paid or fulfilled), with the amounts actually paid. */
    Revenue revenueSince(Instant since);
}
