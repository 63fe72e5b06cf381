package dev.vpnbot.adapter.telegram.shop.balance;

import dev.vpnbot.application.port.in.balance.AutoRenewUseCase;
import dev.vpnbot.application.port.in.balance.PayFromBalanceUseCase;
import dev.vpnbot.application.port.in.balance.ShowBalanceUseCase;
import dev.vpnbot.application.port.in.balance.TopUpBalanceUseCase;
import java.util.Objects;

/** The balance's use cases the buyer's screens drive (docs/BALANCE.md). */
public record BalanceUseCases(ShowBalanceUseCase show, TopUpBalanceUseCase topUp, PayFromBalanceUseCase pay, AutoRenewUseCase autoRenew) {
    public BalanceUseCases {
        Objects.requireNonNull(show, "show");
        Objects.requireNonNull(topUp, "topUp");
        Objects.requireNonNull(pay, "pay");
        Objects.requireNonNull(autoRenew, "autoRenew");
    }
}
