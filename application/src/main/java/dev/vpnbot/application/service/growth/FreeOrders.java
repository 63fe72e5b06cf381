package dev.vpnbot.application.service.growth;

import dev.vpnbot.application.port.out.FulfilmentJobs;
import dev.vpnbot.application.port.out.Orders;
import dev.vpnbot.domain.money.Money;
import dev.vpnbot.domain.order.Order;
import dev.vpnbot.domain.order.OrderId;
import dev.vpnbot.domain.order.OrderPurpose;
import dev.vpnbot.domain.order.PaymentMethod;
import dev.vpnbot.domain.order.PublicOrderId;
import dev.vpnbot.domain.tariff.TariffId;
import dev.vpnbot.domain.tariff.TariffSnapshot;
import dev.vpnbot.domain.user.UserId;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/**
 * Zero-price orders for trials and rewards, born paid (as a grant: no money moved) with their
 * fulfilment job, inside the caller's transaction: so a trial or a reward is recorded together
 * with the order that delivers it, and the ordinary crash-safe delivery does the rest.
 */
final class FreeOrders {
    /** Trials and rewards have no tariff of their own; the id only fills the order's snapshot. */
    static final TariffId NO_TARIFF = new TariffId(100);

    private final Orders orders;
    private final FulfilmentJobs jobs;

    FreeOrders(Orders orders, FulfilmentJobs jobs) {
        this.orders = orders;
        this.jobs = jobs;
    }

    /** @param label what the public id starts with ("trial", "ref") */
    Order place(String label, UserId user, TariffId tariff, int days, String currency, OrderPurpose purpose, Instant now) {
        return place(orders.nextId(), label, user, tariff, days, currency, purpose, now);
    }

    OrderId nextId() {
        return orders.nextId();
    }

    Order place(OrderId id, String label, UserId user, TariffId tariff, int days, String currency, OrderPurpose purpose, Instant now) {
        Money zero = Money.of(BigDecimal.ZERO, currency);
        PublicOrderId publicId = new PublicOrderId(label + "-" + user.telegramId() + "-" + id.value());
        Order order = Order.place(id, publicId, user, new TariffSnapshot(tariff, days, zero), purpose, now, Duration.ofMinutes(1))
                .pay(zero, now, PaymentMethod.GRANT);
        orders.save(order);
        jobs.enqueue(id, now);
        return order;
    }
}
