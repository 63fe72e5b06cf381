package dev.vpnbot.bootstrap.config;

import java.time.Duration;

/**
 * Limits that keep one buyer (or a script) from crowding out the others, and how long money
 * that comes late is still looked for.
 *
 * @param maxOpenOrders         orders one user may have waiting for payment at once (MAX_OPEN_ORDERS)
 * @param userActionsPerMinute  button presses and messages one user may send a minute before the
 *                              bot ignores them for a while (USER_ACTIONS_PER_MINUTE)
 * @param latePaymentWindow     how long after its payment deadline a cancelled, expired or underpaid
 *                              order is still checked with the gateway (LATE_PAYMENT_WINDOW)
 * @param promoStacking         a promo code may go on an order that already has another discount (PROMO_STACKING)
 * @param giftValidDays         days an unopened gift stays valid before its buyer may take it back (GIFT_VALID_DAYS)
 */
public record ShopLimits(int maxOpenOrders, int userActionsPerMinute, Duration latePaymentWindow, boolean promoStacking,
                         int giftValidDays) {
    public static final int DEFAULT_GIFT_VALID_DAYS = 30;
    public static final int DEFAULT_MAX_OPEN_ORDERS = 5;
    public static final int DEFAULT_USER_ACTIONS_PER_MINUTE = 40;
    public static final Duration DEFAULT_LATE_PAYMENT_WINDOW = Duration.ofHours(24);

    public ShopLimits {
        if (maxOpenOrders < 1 || userActionsPerMinute < 1) throw new IllegalArgumentException("limits must be positive");
        if (latePaymentWindow.isNegative()) throw new IllegalArgumentException("late payment window cannot be negative");
    }

    public ShopLimits(int maxOpenOrders, int userActionsPerMinute, Duration latePaymentWindow) {
        this(maxOpenOrders, userActionsPerMinute, latePaymentWindow, false);
    }

    public ShopLimits(int maxOpenOrders, int userActionsPerMinute, Duration latePaymentWindow, boolean promoStacking) {
        this(maxOpenOrders, userActionsPerMinute, latePaymentWindow, promoStacking, DEFAULT_GIFT_VALID_DAYS);
    }

    public static ShopLimits defaults() {
        return new ShopLimits(DEFAULT_MAX_OPEN_ORDERS, DEFAULT_USER_ACTIONS_PER_MINUTE, DEFAULT_LATE_PAYMENT_WINDOW);
    }
}
