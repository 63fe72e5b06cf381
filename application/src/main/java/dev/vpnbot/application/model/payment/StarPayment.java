package dev.vpnbot.application.model.payment;

import dev.vpnbot.domain.money.Stars;
import dev.vpnbot.domain.order.OrderId;
import dev.vpnbot.domain.user.UserId;
import java.time.Instant;
import java.util.Objects;

/**
 * One Telegram Stars payment as we keep it, keyed on Telegram's {@code telegram_payment_charge_id}
 * (the one exactly-once key: Telegram repeats an update, never the charge).
 *
 * @param payload      the invoice payload Telegram echoed (our public order id, or anything a forger sent)
 * @param order        the order it paid; null when it named none we could use
 * @param problem      why it was held instead of applied; null for an applied payment
 * @param refundedAt   when the stars went back; null while they are ours
 * @param panelPending a refund took time back in our database and the panel still has to follow
 */
public record StarPayment(String chargeId, UserId payer, String payload, OrderId order, Stars stars, Status status,
                          Problem problem, Instant receivedAt, Instant refundedAt, boolean panelPending) {

    public enum Status {
        /** It paid its order. */
        APPLIED,
        /** Money without goods: recorded against the payer for an admin to grant or refund. */
        HELD,
        /** The stars went back to the payer (and what they bought was taken back). */
        REFUNDED
    }

    /** Why a payment was held. */
    public enum Problem {
        /** The payload names no order of ours. */
        NO_ORDER,
        /** The order belongs to another user. */
        NOT_YOURS,
        /** The order was cancelled, expired, already paid, or has no Stars price. */
        NOT_PAYABLE,
        /** Another amount (or currency) than the order's Stars price. */
        WRONG_AMOUNT
    }

    public StarPayment {
        Objects.requireNonNull(chargeId, "chargeId");
        Objects.requireNonNull(payer, "payer");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(stars, "stars");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(receivedAt, "receivedAt");
        if (chargeId.isBlank()) throw new IllegalArgumentException("a Stars payment has a charge id");
        if ((status == Status.HELD) != (problem != null) && status != Status.REFUNDED) {
            throw new IllegalArgumentException("a held payment says why, an applied one has no problem");
        }
        if (status == Status.APPLIED && order == null) throw new IllegalArgumentException("an applied payment names its order");
        if ((status == Status.REFUNDED) != (refundedAt != null)) throw new IllegalArgumentException("refundedAt goes with REFUNDED");
    }

    public static StarPayment applied(String chargeId, UserId payer, String payload, OrderId order, Stars stars, Instant at) {
        return new StarPayment(chargeId, payer, payload, order, stars, Status.APPLIED, null, at, null, false);
    }

    public static StarPayment held(String chargeId, UserId payer, String payload, OrderId order, Stars stars, Problem problem,
                                   Instant at) {
        return new StarPayment(chargeId, payer, payload, order, stars, Status.HELD, problem, at, null, false);
    }

    /** Refunded; {@code panelPending} when an applied payment's time was taken back and the panel must follow. */
    public StarPayment refunded(Instant at, boolean panelToFollow) {
        return new StarPayment(chargeId, payer, payload, order, stars, Status.REFUNDED, problem, receivedAt, at, panelToFollow);
    }

    public StarPayment panelDone() {
        return new StarPayment(chargeId, payer, payload, order, stars, status, problem, receivedAt, refundedAt, false);
    }

    public boolean isRefunded() {
        return status == Status.REFUNDED;
    }
}
