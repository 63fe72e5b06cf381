package dev.vpnbot.domain.tariff;

import dev.vpnbot.domain.money.Money;
import dev.vpnbot.domain.money.Stars;
import java.time.Duration;
import java.util.Objects;

/**
 * The tariff as it was when an order was placed: its length and price at that moment.
 *
 * @param stars the price in Telegram Stars at that moment; null when Stars were not on offer
 */
public record TariffSnapshot(TariffId tariffId, int days, Money price, Stars stars) {
    public TariffSnapshot {
        Objects.requireNonNull(tariffId, "tariffId");
        Objects.requireNonNull(price, "price");
        if (days < 1 || days > Tariff.MAX_DAYS) {
            throw new IllegalArgumentException("days out of range: " + days);
        }
    }

    public TariffSnapshot(TariffId tariffId, int days, Money price) {
        this(tariffId, days, price, null);
    }

    public Duration duration() {
        return Duration.ofDays(days);
    }
}
