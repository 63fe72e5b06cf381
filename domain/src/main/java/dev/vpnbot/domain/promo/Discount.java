package dev.vpnbot.domain.promo;

import dev.vpnbot.domain.money.Money;
import dev.vpnbot.domain.money.Stars;
import dev.vpnbot.domain.tariff.Tariff;
import dev.vpnbot.domain.tariff.TariffSnapshot;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * A code applied to an order's tariff snapshot: what the order was before ({@code list}), what it
 * is now ({@code offered}: the price the invoice asks for), and the money taken off.
 */
public record Discount(TariffSnapshot list, TariffSnapshot offered, Money off) {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public Discount {
        Objects.requireNonNull(list, "list");
        Objects.requireNonNull(offered, "offered");
        Objects.requireNonNull(off, "off");
    }

    public int extraDays() {
        return offered.days() - list.days();
    }

    public boolean isFree() {
        return offered.price().amount().signum() == 0;
    }

    /**
     * Applies the code's benefit. The money off is rounded down to the currency's cents and the
     * Stars price up to whole stars, so the shop never gives more than the code says.
     * Throws {@link IllegalArgumentException} for an amount in another currency than the price.
     */
    public static Discount of(Benefit benefit, TariffSnapshot list) {
        Money price = list.price();
        if (benefit instanceof Benefit.PercentOff p) {
            return priced(list, new Money(price.amount().multiply(BigDecimal.valueOf(p.percent()))
                    .divide(HUNDRED, price.amount().scale(), RoundingMode.DOWN), price.currency()));
        }
        if (benefit instanceof Benefit.AmountOff a) {
            if (!a.amount().sameCurrencyAs(price)) {
                throw new IllegalArgumentException("a discount in " + a.amount().currencyCode() + " on a price in " + price.currencyCode());
            }
            return priced(list, a.amount().isAtLeast(price) ? price : a.amount());
        }
        if (benefit instanceof Benefit.ExtraDays d) {
            return new Discount(list, new TariffSnapshot(list.tariffId(), Math.min(Tariff.MAX_DAYS, list.days() + d.days()),
                    price, list.stars()), price.minus(price));
        }
        return priced(list, price); // a free key
    }

    private static Discount priced(TariffSnapshot list, Money off) {
        Money now = list.price().minus(off);
        return new Discount(list, new TariffSnapshot(list.tariffId(), list.days(), now, stars(list, now)), off);
    }

    /** The Stars price in the same proportion, rounded up; none when the order is free (it needs no invoice). */
    private static Stars stars(TariffSnapshot list, Money now) {
        if (list.stars() == null || now.amount().signum() == 0) return null;
        BigDecimal listPrice = list.price().amount();
        if (listPrice.signum() == 0) return list.stars();
        BigDecimal exact = BigDecimal.valueOf(list.stars().count()).multiply(now.amount()).divide(listPrice, 0, RoundingMode.CEILING);
        return Stars.price(Math.max(1, exact.longValueExact()));
    }
}
