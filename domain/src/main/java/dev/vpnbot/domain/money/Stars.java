package dev.vpnbot.domain.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * An amount of Telegram Stars (currency code {@code XTR}): whole stars only, never mixed with
 * {@link Money}, because a star is no ISO 4217 currency and Telegram fixes its price in fiat itself.
 */
public record Stars(long count) implements Comparable<Stars> {
    public static final String CURRENCY = "XTR";
    /** Telegram accepts invoices of 1..100000 stars (Bot API, sendInvoice: prices). */
    public static final long MAX = 100_000;

    public Stars {
        if (count < 0 || count > MAX) throw new IllegalArgumentException("stars must be 0.." + MAX + ", got " + count);
    }

    /** A price in stars: at least one. */
    public static Stars price(long count) {
        if (count < 1) throw new IllegalArgumentException("a price in stars is at least 1, got " + count);
        return new Stars(count);
    }

    /**
     * The stars for a fiat price at a rate (stars per one unit of the price's currency), rounded
     * up so that the shop never sells below its fiat price.
     */
    public static Stars forPrice(Money price, BigDecimal starsPerUnit) {
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(starsPerUnit, "starsPerUnit");
        if (starsPerUnit.signum() <= 0) throw new IllegalArgumentException("a stars rate must be positive: " + starsPerUnit);
        BigDecimal exact = price.amount().multiply(starsPerUnit);
        return price(exact.setScale(0, RoundingMode.CEILING).longValueExact());
    }

    public Stars plus(Stars other) {
        return new Stars(Math.addExact(count, other.count));
    }

    @Override
    public int compareTo(Stars other) {
        return Long.compare(count, other.count);
    }

    /** "150 XTR": the form used in logs and admin screens. */
    @Override
    public String toString() {
        return count + " " + CURRENCY;
    }
}
