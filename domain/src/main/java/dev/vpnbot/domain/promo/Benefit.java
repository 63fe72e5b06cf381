package dev.vpnbot.domain.promo;

import dev.vpnbot.domain.money.Money;
import dev.vpnbot.domain.tariff.Tariff;
import dev.vpnbot.domain.tariff.TariffId;
import java.util.Objects;

/** What a promo code gives: money off, more days, or a whole key of one tariff for nothing. */
public sealed interface Benefit {

    /** 1..100 % off the price; 100 % makes the order free. */
    record PercentOff(int percent) implements Benefit {
        public PercentOff {
            if (percent < 1 || percent > 100) throw new IllegalArgumentException("a percentage is 1..100, got " + percent);
        }
    }

    /** A fixed amount off, never below zero; only for tariffs priced in the same currency. */
    record AmountOff(Money amount) implements Benefit {
        public AmountOff {
            Objects.requireNonNull(amount, "amount");
            if (amount.amount().signum() == 0) throw new IllegalArgumentException("an amount off must be more than zero");
        }
    }

    /** The same price, more days. */
    record ExtraDays(int days) implements Benefit {
        public ExtraDays {
            if (days < 1 || days > Tariff.MAX_DAYS) throw new IllegalArgumentException("extra days are 1.." + Tariff.MAX_DAYS + ", got " + days);
        }
    }

    /** A key of this tariff for nothing (the code then applies to this tariff only). */
    record FreeKey(TariffId tariffId) implements Benefit {
        public FreeKey {
            Objects.requireNonNull(tariffId, "tariffId");
        }
    }
}
