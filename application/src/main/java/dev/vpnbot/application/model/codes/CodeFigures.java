package dev.vpnbot.application.model.codes;

import dev.vpnbot.domain.money.Money;
import dev.vpnbot.domain.promo.PromoCode;
import java.util.List;
import java.util.Objects;

/**
 * A code and how it did: uses that hold (orders not given up), uses whose order was paid, and the
 * money it took off paid orders (one amount per currency, exact).
 */
public record CodeFigures(PromoCode code, long uses, long paidUses, List<Money> discountGiven) {
    public CodeFigures {
        Objects.requireNonNull(code, "code");
        discountGiven = List.copyOf(discountGiven);
    }
}
