package dev.vpnbot.application.model.statistics;

import dev.vpnbot.domain.money.Money;
import dev.vpnbot.domain.money.Stars;
import java.util.List;
import java.util.Objects;

/**
 * What a period brought, per way of paying: orders paid through the crypto gateway with one
 * total per currency, and Telegram Stars counted in stars (never converted or added to fiat).
 * Test payments and admin grants bring nothing. Refunds are the Stars payments given back in
 * the period; a refunded payment no longer counts as revenue.
 *
 * @param paidOrders orders paid with crypto
 * @param totals     what they brought, one total per currency
 */
public record Revenue(long paidOrders, List<Money> totals, long starsPayments, Stars stars, long refunds, Stars refundedStars) {
    public Revenue {
        totals = List.copyOf(totals);
        Objects.requireNonNull(stars, "stars");
        Objects.requireNonNull(refundedStars, "refundedStars");
    }

    /** Crypto only: no Stars, no refunds. */
    public Revenue(long paidOrders, List<Money> totals) {
        this(paidOrders, totals, 0, new Stars(0), 0, new Stars(0));
    }
}
