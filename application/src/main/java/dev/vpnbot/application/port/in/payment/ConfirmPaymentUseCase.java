package dev.vpnbot.application.port.in.payment;

import dev.vpnbot.application.model.payment.PaymentStatus;
import dev.vpnbot.domain.money.Money;
import dev.vpnbot.domain.order.PublicOrderId;
import java.util.Objects;

/**
 * Use case: the gateway told us (in a verified notification) where a payment stands.
 * Idempotent: the same notification any number of times, in parallel or not, applies once.
 */
public interface ConfirmPaymentUseCase {

    /**
     * @param paid    amount paid in the order currency, null when the notification carries none
     * @param payload the raw notification, kept for audit
     */
    record ConfirmPaymentCommand(String invoiceId, PublicOrderId orderId, PaymentStatus status, Money paid,
                                 String rawStatus, String payload) {
        public ConfirmPaymentCommand {
            Objects.requireNonNull(invoiceId, "invoiceId");
            Objects.requireNonNull(orderId, "orderId");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(rawStatus, "rawStatus");
        }
    }

    enum Outcome {
        /** The order is now paid and queued for fulfilment. */
        PAID,
        /** This was applied before; nothing changed. */
        ALREADY_APPLIED,
        /** Not final yet; recorded only. */
        PENDING,
        /** The money does not cover the order; the user and admins were told. */
        PAYMENT_TOO_LOW,
        /** Failed or refunded; recorded, admins told where it matters. */
        NOT_PAID,
        /** No such order here; admins were told. */
        UNKNOWN_ORDER,
        /** The notification says paid but the gateway, asked directly, does not agree. */
        NOT_CONFIRMED,
        /** The gateway could not be asked back (network, timeout, 5xx): nothing applied; the notification may come again. */
        GATEWAY_UNREACHABLE,
        /** The gateway, asked back, answered something we must not act on: nothing applied. */
        GATEWAY_ANSWER_UNUSABLE,
        /** Money that pays no order (unknown, another user's, not payable, wrong amount): recorded against the payer, admins told. */
        HELD_FOR_ADMIN
    }

    Outcome confirm(ConfirmPaymentCommand command);
}
