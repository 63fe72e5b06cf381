package dev.vpnbot.domain.order;

import java.util.EnumSet;
import java.util.Set;

/**
 * The life of an order.
 *
 * <pre>
 * CREATED ──invoice──▶ AWAITING_PAYMENT ──paid──▶ PAID ──key delivered──▶ FULFILLED
 *    │                     │
 *    └──────────┬──────────┘
 *               ├─▶ CANCELLED (by the user)   ─┐
 *               ├─▶ EXPIRED   (deadline)       ├─ money that still arrives ─▶ PAID
 *               └─▶ UNDERPAID (wrong amount)  ─┘
 * </pre>
 *
 * Rule: money received means a key is delivered, so an expired or cancelled order still
 * becomes PAID when the gateway confirms payment. Once PAID an order never goes back.
 */
public enum OrderStatus {
    CREATED, AWAITING_PAYMENT, PAID, FULFILLED, EXPIRED, CANCELLED, UNDERPAID;

    private static final Set<OrderStatus> UNPAID = EnumSet.of(CREATED, AWAITING_PAYMENT, EXPIRED, CANCELLED, UNDERPAID);

    /** Statuses from which a confirmed payment is accepted. */
    public boolean canBePaid() {
        return UNPAID.contains(this);
    }

    /** Still waiting for the user's money: the reconciler asks the gateway about these. */
    public boolean isWaitingForPayment() {
        return this == CREATED || this == AWAITING_PAYMENT;
    }

    public boolean isPaid() {
        return this == PAID || this == FULFILLED;
    }
}
