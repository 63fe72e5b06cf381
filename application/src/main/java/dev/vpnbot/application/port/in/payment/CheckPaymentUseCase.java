package dev.vpnbot.application.port.in.payment;

import dev.vpnbot.domain.order.Order;
import dev.vpnbot.domain.order.OrderId;
import dev.vpnbot.domain.user.UserId;
import java.util.Objects;

/**
 * Use case: the user pressed "Check payment": ask the gateway now instead of waiting for its
 * notification, and apply what it says through the same path as a notification.
 */
public interface CheckPaymentUseCase {

    record CheckPaymentCommand(UserId userId, OrderId orderId) {
        public CheckPaymentCommand {
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(orderId, "orderId");
        }
    }

    /**
     * The order as it stands after the check. Refuses orders of other users as not found, and
     * PAYMENT_GATEWAY_UNAVAILABLE when the gateway cannot be asked now (nothing changed).
     */
    Order check(CheckPaymentCommand command);
}
