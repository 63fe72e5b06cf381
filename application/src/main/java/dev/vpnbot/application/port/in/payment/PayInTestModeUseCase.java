package dev.vpnbot.application.port.in.payment;

import dev.vpnbot.domain.order.Order;
import dev.vpnbot.domain.order.OrderId;
import dev.vpnbot.domain.user.UserId;

/**
 * Use case, test payment mode only: "Pay (test)" marks a user's order paid through exactly the
 * path a verified webhook takes. Exists only when the operator switched test payments on.
 */
public interface PayInTestModeUseCase {
    Order payForTest(UserId userId, OrderId orderId);
}
