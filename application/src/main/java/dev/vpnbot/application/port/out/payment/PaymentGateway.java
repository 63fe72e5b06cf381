package dev.vpnbot.application.port.out.payment;

import dev.vpnbot.domain.order.Invoice;
import dev.vpnbot.domain.order.PublicOrderId;
import java.util.Optional;

/** Outgoing port: the crypto payment gateway (Heleket). Methods may throw {@link PaymentGatewayException}. */
public interface PaymentGateway {

    /**
     * Issues an invoice for the order. Asking again for the same order returns the same
     * invoice; an existing invoice that does not match the request is an error, never used.
     */
    Invoice createInvoice(InvoiceRequest request);

    /** The gateway's current word on an order's payment; empty when it knows no such order. */
    Optional<PaymentInfo> paymentInfo(PublicOrderId orderId);
}
