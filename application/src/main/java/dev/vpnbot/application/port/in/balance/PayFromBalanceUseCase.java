package dev.vpnbot.application.port.in.balance;

import dev.vpnbot.domain.balance.TopUp;
import dev.vpnbot.domain.order.Order;
import dev.vpnbot.domain.order.OrderId;
import dev.vpnbot.domain.user.UserId;

/**
 * Use case: pay one's own order from the balance: whole (debit and order PAID in one
 * transaction), or balance + invoice for the rest (a top-up over the shortfall that pays the
 * order once it is credited). Also completes an underpaid order, whose money is on the balance.
 */
public interface PayFromBalanceUseCase {

    /** Refusal BALANCE_TOO_LOW (detail: the shortfall), ORDER_NOT_FOUND, ORDER_NOT_PAYABLE. */
    Order payWhole(UserId user, OrderId order);

    /** A top-up over what the balance lacks for the order; Refusal ORDER_NOT_PAYABLE when the balance covers it already. */
    TopUp topUpRest(UserId user, OrderId order);
}
