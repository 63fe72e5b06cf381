package dev.vpnbot.application.service.ordering;

import dev.vpnbot.application.port.in.ordering.CancelOrderUseCase;
import dev.vpnbot.application.port.in.Refusal;
import dev.vpnbot.application.port.out.Orders;
import dev.vpnbot.application.port.out.Transactions;
import dev.vpnbot.domain.order.Order;
import dev.vpnbot.domain.order.OrderId;
import dev.vpnbot.domain.user.UserId;

/** Cancels a user's unpaid order under its row lock, so a payment racing in wins cleanly. */
public final class OrderCancellation implements CancelOrderUseCase {
    private final Orders orders;
    private final Transactions transactions;

    public OrderCancellation(Orders orders, Transactions transactions) {
        this.orders = orders;
        this.transactions = transactions;
    }

    @Override
    public Order cancel(UserId userId, OrderId orderId) {
        return transactions.inTransaction(() -> {
            Order order = orders.findForUpdate(orderId)
                    .filter(o -> o.userId().equals(userId))
                    .orElseThrow(() -> new Refusal(Refusal.Reason.ORDER_NOT_FOUND, "order " + orderId + " of " + userId));
            if (!order.status().isWaitingForPayment()) {
                throw new Refusal(Refusal.Reason.ORDER_NOT_PAYABLE, "order " + orderId + " is " + order.status());
            }
            Order cancelled = order.cancel();
            orders.save(cancelled);
            return cancelled;
        });
    }
}
