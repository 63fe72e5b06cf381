package dev.vpnbot.application.service.ordering;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;

/**
 * Operator choices that shape purchases.
 *
 * @param invoiceLifetime how long an invoice can be paid; the order's payment deadline is the same
 * @param limitIp         simultaneous devices (source IPs) per key on the panel, 0 = no limit
 * @param totalBytes      traffic quota per key, 0 = unlimited
 * @param maxOpenOrders   orders one user may have waiting for payment at once
 * @param starsPerUnit    Telegram Stars per one unit of the tariffs' currency, for tariffs without a
 *                        Stars price of their own; null: only those with one are sold for Stars
 */
public record PurchaseSettings(Duration invoiceLifetime, int limitIp, long totalBytes, int maxOpenOrders,
                               BigDecimal starsPerUnit) {
    public PurchaseSettings {
        Objects.requireNonNull(invoiceLifetime, "invoiceLifetime");
        if (invoiceLifetime.toMinutes() < 5) throw new IllegalArgumentException("invoice lifetime must be at least 5 minutes");
        if (limitIp < 0 || totalBytes < 0) throw new IllegalArgumentException("limits cannot be negative");
        if (maxOpenOrders < 1) throw new IllegalArgumentException("a user must be allowed at least one open order");
        if (starsPerUnit != null && starsPerUnit.signum() <= 0) throw new IllegalArgumentException("the Stars rate must be positive");
    }

    public PurchaseSettings(Duration invoiceLifetime, int limitIp, long totalBytes) {
        this(invoiceLifetime, limitIp, totalBytes, DEFAULT_MAX_OPEN_ORDERS, null);
    }

    public static final int DEFAULT_MAX_OPEN_ORDERS = 5;

    public PurchaseSettings withMaxOpenOrders(int max) {
        return new PurchaseSettings(invoiceLifetime, limitIp, totalBytes, max, starsPerUnit);
    }

    /** @param rate Stars per unit of the tariffs' currency; null: only tariffs with their own Stars price */
    public PurchaseSettings withStarsPerUnit(BigDecimal rate) {
        return new PurchaseSettings(invoiceLifetime, limitIp, totalBytes, maxOpenOrders, rate);
    }

    public static PurchaseSettings defaults() {
        return new PurchaseSettings(Duration.ofHours(1), 0, 0);
    }
}
