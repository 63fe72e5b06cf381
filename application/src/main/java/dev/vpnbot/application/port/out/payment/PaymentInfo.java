package dev.vpnbot.application.port.out.payment;

import dev.vpnbot.application.model.payment.PaymentStatus;
import dev.vpnbot.domain.money.Money;
import dev.vpnbot.domain.order.PublicOrderId;
import java.util.Objects;

/**
 * The gateway's account of one invoice.
 *
 * @param paid      what was paid in the invoice currency, or null when nothing was
 * @param rawStatus the gateway's own status word, for logs and audit
 */
public record PaymentInfo(String invoiceId, PublicOrderId orderId, PaymentStatus status, Money invoiced,
                          Money paid, String rawStatus) {
    public PaymentInfo {
        Objects.requireNonNull(invoiceId, "invoiceId");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(invoiced, "invoiced");
    }
}
