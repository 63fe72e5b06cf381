package dev.vpnbot.application.model.statistics;

import dev.vpnbot.domain.money.Money;
import java.util.List;

/** Paid orders in a period and what they brought, one total per currency. */
public record Revenue(long paidOrders, List<Money> totals) {
    public Revenue {
        totals = List.copyOf(totals);
    }
}
