package dev.vpnbot.application.service.payment;

import dev.vpnbot.application.port.in.payment.CheckPaymentUseCase;
import dev.vpnbot.application.port.in.payment.ApplyPaymentUseCase;
import dev.vpnbot.application.port.in.payment.VerifiedPayment;
import dev.vpnbot.application.port.in.Refusal;
import dev.vpnbot.application.port.out.Orders;
import dev.vpnbot.application.port.out.payment.PaymentGateway;
import dev.vpnbot.application.port.out.payment.PaymentGatewayException;
import dev.vpnbot.application.port.out.payment.PaymentInfo;
import dev.vpnbot.domain.order.Order;
import java.util.Optional;

/**
 * Asks the gateway about one order and applies the answer through {@link ApplyPaymentUseCase},
 * the same path a webhook takes. Used by the user's "Check payment" button and by the
 * reconciler for orders whose webhook never came.
 */
public final class PaymentCheck implements CheckPaymentUseCase {
    private final Orders orders;
    private final PaymentGateway gateway;
    private final ApplyPaymentUseCase payments;

    public PaymentCheck(Orders orders, PaymentGateway gateway, ApplyPaymentUseCase payments) {
        this.orders = orders;
        this.gateway = gateway;
        this.payments = payments;
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
        info.ifPresent(i -> payments.apply(
                VerifiedPayment.fromGateway(order.publicId(), i.invoiceId(), i.status(), i.paid(), i.rawStatus(), "payment/info")));
        return orders.find(order.id()).orElseThrow();
    }
}
