package dev.vpnbot.application.port.out.payment;

import dev.vpnbot.application.model.payment.PaymentStatus;
import java.time.Instant;
import java.util.Objects;

/**
 * A payment notification that passed verification, stored as received for audit.
 * Unique on invoice id + raw status, which is how repeated deliveries are recognised.
 */
public record PaymentEvent(String invoiceId, String orderId, String rawStatus, PaymentStatus status,
                           String payload, Instant receivedAt) {
    public PaymentEvent {
        Objects.requireNonNull(invoiceId, "invoiceId");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(rawStatus, "rawStatus");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(receivedAt, "receivedAt");
        payload = payload == null ? "" : payload;
    }
}
