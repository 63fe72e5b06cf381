package dev.vpnbot.application.port.in.payment;

import dev.vpnbot.application.port.in.payment.ConfirmPaymentUseCase.Outcome;

/**
 * Use case: the one way a payment reaches an order, whoever established it: a gateway
 * notification once the gateway confirmed it, "Check payment" and the reconciler, test payments
 * and admin grants. The order's move to PAID (or UNDERPAID) and its fulfilment job are written
 * once, under the order's row lock; repeating the same payment changes nothing.
 */
public interface ApplyPaymentUseCase {

    Outcome apply(VerifiedPayment payment);
}
