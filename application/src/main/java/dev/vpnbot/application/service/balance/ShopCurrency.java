package dev.vpnbot.application.service.balance;

import dev.vpnbot.application.port.in.Refusal;
import dev.vpnbot.application.port.out.Tariffs;
import dev.vpnbot.domain.tariff.Tariff;
import java.util.Comparator;
import java.util.Currency;

/**
 * The one currency balances are kept in: the tariffs' (active ones first, in display order).
 * Read each time, so an operator who reprices in another currency is followed; an account keeps
 * the currency it was opened in and refuses postings in any other (docs/BALANCE.md).
 */
public final class ShopCurrency {
    private final Tariffs tariffs;

    public ShopCurrency(Tariffs tariffs) {
        this.tariffs = tariffs;
    }

    public Currency get() {
        return tariffs.all().stream()
                .sorted(Comparator.comparing((Tariff t) -> !t.active()).thenComparingInt(Tariff::displayOrder))
                .map(t -> t.price().currency())
                .findFirst()
                .orElseThrow(() -> new Refusal(Refusal.Reason.TARIFF_NOT_AVAILABLE, "no tariffs: the shop has no currency yet"));
    }
}
