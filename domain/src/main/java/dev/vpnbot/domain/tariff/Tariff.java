package dev.vpnbot.domain.tariff;

import dev.vpnbot.domain.money.Money;
import dev.vpnbot.domain.money.Stars;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;

/**
 * What a buyer can pay for: a number of days of access at a price.
 *
 * <p>Rule: a tariff's length is a whole number of days, and "1 month" is 30 days (3 months =
 * 90, 6 months = 180, 12 months = 360). Calendar months would make the same tariff worth
 * 28 to 31 days depending on the purchase date, and the panel only knows instants anyway.
 * {@link #DAYS_PER_MONTH} is the one place this is decided.
 *
 * @param starsPrice the price in Telegram Stars the admin set; null: derived from the price and
 *                   the configured rate when an order is placed
 */
public record Tariff(TariffId id, int days, Money price, boolean active, int displayOrder, Stars starsPrice) {

    public static final int DAYS_PER_MONTH = 30;
    public static final int MAX_DAYS = 3660;

    public Tariff {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(price, "price");
        if (days < 1 || days > MAX_DAYS) {
            throw new IllegalArgumentException("a tariff lasts 1.." + MAX_DAYS + " days, got " + days);
        }
        if (price.amount().signum() <= 0) {
            throw new IllegalArgumentException("a tariff must cost something, got " + price);
        }
        if (starsPrice != null && starsPrice.count() < 1) throw new IllegalArgumentException("a price in stars is at least 1");
    }

    /** A tariff without a Stars price of its own. */
    public Tariff(TariffId id, int days, Money price, boolean active, int displayOrder) {
        this(id, days, price, active, displayOrder, null);
    }

    public static int monthsToDays(int months) {
        if (months < 1) throw new IllegalArgumentException("months must be positive: " + months);
        return months * DAYS_PER_MONTH;
    }

    public Duration duration() {
        return Duration.ofDays(days);
    }

    /** Whole months when the length is a multiple of 30 days, for labels like "3 months". */
    public boolean isWholeMonths() {
        return days % DAYS_PER_MONTH == 0;
    }

    public int months() {
        return days / DAYS_PER_MONTH;
    }

    public Tariff withPrice(Money newPrice) {
        return new Tariff(id, days, newPrice, active, displayOrder, starsPrice);
    }

    public Tariff withActive(boolean newActive) {
        return new Tariff(id, days, price, newActive, displayOrder, starsPrice);
    }

    /** null clears the Stars price: it is derived from the price again. */
    public Tariff withStarsPrice(Stars newStarsPrice) {
        return new Tariff(id, days, price, active, displayOrder, newStarsPrice);
    }

    /** What an order keeps of the tariff, so later price changes never touch it. */
    public TariffSnapshot snapshot() {
        return new TariffSnapshot(id, days, price, starsPrice);
    }

    /**
     * The snapshot with the Stars price the buyer will see: the admin's, else the price at
     * {@code starsPerUnit} rounded up; none when neither is known (Stars are then not offered).
     */
    public TariffSnapshot snapshot(BigDecimal starsPerUnit) {
        return new TariffSnapshot(id, days, price, starsPrice(starsPerUnit));
    }

    /** See {@link #snapshot(BigDecimal)}; null when there is no Stars price. */
    public Stars starsPrice(BigDecimal starsPerUnit) {
        if (starsPrice != null) return starsPrice;
        return starsPerUnit == null ? null : Stars.forPrice(price, starsPerUnit);
    }
}
