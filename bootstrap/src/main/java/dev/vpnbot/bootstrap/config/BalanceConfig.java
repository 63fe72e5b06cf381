package dev.vpnbot.bootstrap.config;

import java.math.BigDecimal;
import java.util.List;

/**
 * The balance's settings (docs/BALANCE.md).
 *
 * @param autoRenewDays how many days before expiry auto-renew pays from the balance (AUTO_RENEW_DAYS, 1–30, default 2)
 * @param topUpPresets  the amounts "Top up balance" offers, in the tariffs' currency (TOPUP_PRESETS, e.g. "5,10,25");
 *                      empty: the prices of the tariffs on sale
 */
public record BalanceConfig(int autoRenewDays, List<BigDecimal> topUpPresets) {
    public static final int DEFAULT_AUTO_RENEW_DAYS = 2;

    public BalanceConfig {
        if (autoRenewDays < 1 || autoRenewDays > 30) throw new IllegalArgumentException("auto-renew days must be 1 to 30");
        topUpPresets = List.copyOf(topUpPresets);
    }

    public static BalanceConfig defaults() {
        return new BalanceConfig(DEFAULT_AUTO_RENEW_DAYS, List.of());
    }

    /** "5, 10,25.50": positive amounts, at most 6 of them. */
    static List<BigDecimal> presets(String value) {
        List<BigDecimal> amounts = new java.util.ArrayList<>();
        for (String part : value.split(",")) {
            if (part.isBlank()) continue;
            BigDecimal amount;
            try {
                amount = new BigDecimal(part.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("must be amounts separated by commas (e.g. 5,10,25), got " + value);
            }
            if (amount.signum() <= 0) throw new IllegalArgumentException("amounts must be above zero, got " + part.strip());
            amounts.add(amount);
        }
        if (amounts.size() > 6) throw new IllegalArgumentException("at most 6 amounts, got " + amounts.size());
        return amounts;
    }

    static int days(String value) {
        try {
            int days = Integer.parseInt(value.strip());
            if (days >= 1 && days <= 30) return days;
        } catch (NumberFormatException e) {
            // the message below says what is wanted
        }
        throw new IllegalArgumentException("must be a whole number of days from 1 to 30, got " + value);
    }

    static BalanceConfig read(ConfigReader in) {
        return new BalanceConfig(in.parse("AUTO_RENEW_DAYS", BalanceConfig::days).orElse(DEFAULT_AUTO_RENEW_DAYS),
                in.parse("TOPUP_PRESETS", BalanceConfig::presets).orElse(List.of()));
    }
}
