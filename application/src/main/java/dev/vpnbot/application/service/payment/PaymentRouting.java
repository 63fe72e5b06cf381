package dev.vpnbot.application.service.payment;

import dev.vpnbot.application.port.in.payment.ConfirmPaymentUseCase;
import dev.vpnbot.domain.balance.TopUp;

/**
 * The gateway's notifications, each to what it is about: a top-up ({@code top-…}) to the balance,
 * anything else to its order. Both ask the gateway directly before they believe a "paid".
 */
public final class PaymentRouting implements ConfirmPaymentUseCase {
    private final ConfirmPaymentUseCase orders;
    private final BalanceCheckout topUps;

    public PaymentRouting(ConfirmPaymentUseCase orders, BalanceCheckout topUps) {
        this.orders = orders;
        this.topUps = topUps;
    }

    @Override
    public Outcome confirm(ConfirmPaymentCommand command) {
        if (TopUp.isTopUp(command.orderId())) return topUps.settleTopUp(command.orderId());
        return orders.confirm(command);
    }
}
