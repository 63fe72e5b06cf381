package dev.vpnbot.application.port.in.balance;

import dev.vpnbot.domain.balance.TopUp;
import dev.vpnbot.domain.money.Money;
import dev.vpnbot.domain.user.UserId;
import java.util.List;

/**
 * Use case: "Top up balance": an invoice over the amount; once the gateway confirms it (webhook,
 * "Check payment" or the reconciler) the fiat value it reports is deposited, exactly once.
 */
public interface TopUpBalanceUseCase {

    /** The preset amounts the screen offers, in the shop's currency. */
    List<Money> presets();

    /** Refusal INVALID_INPUT for a bad amount or another currency; PAYMENT_GATEWAY_UNAVAILABLE when no invoice could be had. */
    TopUp topUp(UserId user, Money amount);
}
