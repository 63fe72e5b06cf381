package dev.vpnbot.application.port.in.ordering;

import dev.vpnbot.domain.order.Order;
import dev.vpnbot.domain.order.OrderId;
import dev.vpnbot.domain.user.UserId;

/**
 * Use case: the user pressed Cancel on an unpaid order. A paid order is never cancelled; money
 * that still arrives for a cancelled order is honoured.
 */
public interface CancelOrderUseCase {
    /** Refuses orders of other users as not found, and orders that can no longer be cancelled. */
    Order cancel(UserId userId, OrderId orderId);
}
