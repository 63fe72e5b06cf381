package dev.vpnbot.bootstrap.config;

import java.math.BigDecimal;

/**
 * Telegram Stars as a way to pay.
 *
 * @param enabled            STARS_ENABLED: order summaries offer Stars (no merchant account needed)
 * @param starsPerUnit       STARS_PER_UNIT: stars per one unit of the tariffs' currency, for tariffs
 *                           without a Stars price of their own (rounded up); null: only those are sold for Stars
 * @param onlyForPayingUsers STARS_ONLY_FOR_PAYING_USERS: Stars only for users who already paid once
 */
public record StarsConfig(boolean enabled, BigDecimal starsPerUnit, boolean onlyForPayingUsers) {
    /** Telegram's own price of a star is about 0.013-0.02 USD; a rate far outside is a typo. */
    private static final BigDecimal MAX_RATE = new BigDecimal("100000");

    public StarsConfig {
        if (starsPerUnit != null && starsPerUnit.signum() <= 0) throw new IllegalArgumentException("the Stars rate must be positive");
    }

    public static StarsConfig off() {
        return new StarsConfig(false, null, false);
    }

    /** "50" or "52.5": stars for one unit (1 USD, 1 RUB…) of the tariffs' currency. */
    static BigDecimal rate(String value) {
        BigDecimal rate;
        try {
            rate = new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + value + "' is not a number of stars per unit of the tariffs' currency (e.g. 50)");
        }
        if (rate.signum() <= 0 || rate.compareTo(MAX_RATE) > 0) {
            throw new IllegalArgumentException("'" + value + "' must be above 0 and at most " + MAX_RATE);
        }
        return rate;
    }
}
