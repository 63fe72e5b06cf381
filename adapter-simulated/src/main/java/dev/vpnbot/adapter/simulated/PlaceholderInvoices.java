package dev.vpnbot.adapter.simulated;

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
public final class PlaceholderInvoices implements PaymentGateway {
    private final String payUrl;

    /** @param payUrl where the invoice's pay button leads (the bot's public address, or Telegram) */
    public PlaceholderInvoices(String payUrl) {
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
