package dev.vpnbot.application.service.payment;

import dev.vpnbot.application.port.in.payment.ApplyPaymentUseCase;
import dev.vpnbot.application.port.in.payment.PayInTestModeUseCase;
import dev.vpnbot.application.port.in.payment.VerifiedPayment;
import dev.vpnbot.application.port.in.Refusal;
import dev.vpnbot.application.port.out.Orders;
import dev.vpnbot.domain.order.Order;
import dev.vpnbot.domain.order.OrderId;
import dev.vpnbot.domain.user.UserId;

/**
 * Test payment mode: pays an order as if the gateway had confirmed it, through the same
 * {@link ApplyPaymentUseCase} a verified webhook reaches. It cannot be built unless the
 * operator switched test payments on, so a production wiring can never expose it by accident.
 */
public final class TestPayments implements PayInTestModeUseCase {
    private final Orders orders;
    private final ApplyPaymentUseCase payments;

    public TestPayments(boolean testPaymentsEnabled, Orders orders, ApplyPaymentUseCase payments) {
        if (!testPaymentsEnabled) {
            throw new IllegalStateException("test payments are off; set PAYMENT_TEST_MODE=true to use them");
        }
        this.orders = orders;
        this.payments = payments;
    }

    @Override
    public Order payForTest(UserId userId, OrderId orderId) {
        Order order = orders.find(orderId).filter(o -> o.userId().equals(userId))
                .orElseThrow(() -> new Refusal(Refusal.Reason.ORDER_NOT_FOUND, "order " + orderId + " of " + userId));
        String reference = order.invoice() != null ? order.invoice().invoiceId() : "test-" + order.publicId();
        payments.apply(VerifiedPayment.paidInTestMode(order.publicId(), reference, order.price()));
        return orders.find(orderId).orElseThrow();
    }
}
