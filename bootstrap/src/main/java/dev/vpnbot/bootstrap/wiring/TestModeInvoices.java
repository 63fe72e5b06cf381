package dev.vpnbot.bootstrap.wiring;

import dev.vpnbot.application.port.out.payment.InvoiceRequest;
import dev.vpnbot.application.port.out.payment.PaymentGateway;
import dev.vpnbot.application.port.out.payment.PaymentInfo;
import dev.vpnbot.domain.order.Invoice;
import dev.vpnbot.domain.order.PublicOrderId;
import java.util.Optional;

/**
 * TEST PAYMENT MODE without Heleket keys: orders get a placeholder invoice that nobody can pay
 * with money, and are paid only with the clearly labelled "Pay (test)" button. Bound only when
 * PAYMENT_TEST_MODE is on and Heleket is not configured.
 */
final class TestModeInvoices implements PaymentGateway {
    private final String payUrl;

    TestModeInvoices(String payUrl) {
        this.payUrl = payUrl;
    }

    @Override
    public Invoice createInvoice(InvoiceRequest request) {
        return new Invoice("test-" + request.orderId().value(), payUrl);
    }

    /** Nothing is ever paid here: the test button goes straight to the confirmation path. */
    @Override
    public Optional<PaymentInfo> paymentInfo(PublicOrderId orderId) {
        return Optional.empty();
    }
}
