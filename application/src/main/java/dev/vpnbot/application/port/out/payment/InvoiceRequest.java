package dev.vpnbot.application.port.out.payment;

import dev.vpnbot.domain.money.Money;
import dev.vpnbot.domain.order.PublicOrderId;
import java.time.Duration;
import java.util.Objects;

/** What we ask the gateway to bill: an order, its price, and how long the invoice stays payable. */
public record InvoiceRequest(PublicOrderId orderId, Money amount, Duration lifetime) {
    public InvoiceRequest {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(lifetime, "lifetime");
        if (lifetime.isNegative() || lifetime.isZero()) throw new IllegalArgumentException("lifetime must be positive");
    }
}
