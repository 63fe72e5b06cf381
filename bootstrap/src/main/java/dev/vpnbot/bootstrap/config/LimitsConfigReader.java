package dev.vpnbot.bootstrap.config;

import java.time.Duration;

/** Reads the shop limits (open orders, user actions, late payment window) for {@link ConfigReader}. */
final class LimitsConfigReader {
    private LimitsConfigReader() {
    }

    static ShopLimits read(ConfigReader in) {
        int openOrders = in.parse("MAX_OPEN_ORDERS", v -> positive(v, 1, 100)).orElse(ShopLimits.DEFAULT_MAX_OPEN_ORDERS);
        int actions = in.parse("USER_ACTIONS_PER_MINUTE", v -> positive(v, 5, 10_000)).orElse(ShopLimits.DEFAULT_USER_ACTIONS_PER_MINUTE);
        Duration late = in.parse("LATE_PAYMENT_WINDOW", LimitsConfigReader::latePaymentWindow).orElse(ShopLimits.DEFAULT_LATE_PAYMENT_WINDOW);
        boolean promoStacking = in.parse("PROMO_STACKING", ConfigReader::bool).orElse(false);
        int giftDays = in.parse("GIFT_VALID_DAYS", v -> positive(v, 1, 3650)).orElse(ShopLimits.DEFAULT_GIFT_VALID_DAYS);
        return new ShopLimits(openOrders, actions, late, promoStacking, giftDays);
    }

    static int positive(String value, int min, int max) {
        int n;
        try {
            n = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("must be a whole number between " + min + " and " + max + ", got " + value);
        }
        if (n < min || n > max) throw new IllegalArgumentException("must be between " + min + " and " + max + ", got " + value);
        return n;
    }

    private static Duration latePaymentWindow(String value) {
        Duration d = DurationText.parse(value);
        if (d.compareTo(Duration.ofDays(30)) > 0) throw new IllegalArgumentException("must be at most 30d, got " + value);
        return d;
    }
}
