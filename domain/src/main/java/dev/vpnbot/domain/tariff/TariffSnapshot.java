package dev.vpnbot.domain.tariff;

import dev.vpnbot.domain.money.Money;
import java.time.Duration;
import java.util.Objects;

/** The tariff as it was when an order was placed: its length and price at that moment. */
public record TariffSnapshot(TariffId tariffId, int days, Money price) {
    public TariffSnapshot {
        Objects.requireNonNull(tariffId, "tariffId");
        Objects.requireNonNull(price, "price");
        if (days < 1 || days > Tariff.MAX_DAYS) {
            throw new IllegalArgumentException("days out of range: " + days);
        }
    }

    public Duration duration() {
        return Duration.ofDays(days);
    }
}
