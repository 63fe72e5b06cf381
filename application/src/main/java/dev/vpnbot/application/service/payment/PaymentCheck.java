package dev.vpnbot.application.service.payment;

import dev.vpnbot.application.port.in.payment.CheckPaymentUseCase;
import dev.vpnbot.application.port.in.payment.ConfirmPaymentUseCase.ConfirmPaymentCommand;
import dev.vpnbot.application.port.in.Refusal;
import dev.vpnbot.application.port.out.Orders;
import dev.vpnbot.application.port.out.payment.PaymentGateway;
import dev.vpnbot.application.port.out.payment.PaymentGatewayException;
import dev.vpnbot.application.port.out.payment.PaymentInfo;
import dev.vpnbot.domain.order.Order;
import java.util.Optional;

/**
 * Asks the gateway about one order and applies the answer through {@link PaymentConfirmation},
 * the same path a webhook takes. Used by the user's "Check payment" button and by the
 * reconciler for orders whose webhook never came.
 */
public final class PaymentCheck implements CheckPaymentUseCase {
    private final Orders orders;
    private final PaymentGateway gateway;
    private final PaymentConfirmation confirmation;

    public PaymentCheck(Orders orders, PaymentGateway gateway, PaymentConfirmation confirmation) {
        this.orders = orders;
        this.gateway = gateway;
        this.confirmation = confirmation;
    }

    @Override
    public Order check(CheckPaymentCommand command) {
        Order order = orders.find(command.orderId())
                .filter(o -> o.userId().equals(command.userId()))
                .orElseThrow(() -> new Refusal(Refusal.Reason.ORDER_NOT_FOUND, "order " + command.orderId() + " of " + command.userId()));
        try {
            return checkNow(order);
        } catch (PaymentGatewayException e) {
            throw new Refusal(Refusal.Reason.PAYMENT_GATEWAY_UNAVAILABLE, e.getMessage());
        }
    }

    /** Asks and applies; returns the order as it is afterwards. Throws {@link PaymentGatewayException} when the gateway cannot be asked. */
    public Order checkNow(Order order) {
        if (order.status().isPaid()) return order;
        Optional<PaymentInfo> info = gateway.paymentInfo(order.publicId());
        info.ifPresent(i -> confirmation.apply(
                new ConfirmPaymentCommand(i.invoiceId(), order.publicId(), i.status(), i.paid(), i.rawStatus(), "payment/info"),
                order.id(), i.status(), i.paid()));
        return orders.find(order.id()).orElseThrow();
    }
}
