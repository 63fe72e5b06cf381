package dev.vpnbot.application.service.payment;

import dev.vpnbot.application.port.in.payment.ReconcilePaymentsUseCase;
import dev.vpnbot.application.port.out.Orders;
import dev.vpnbot.application.port.out.Transactions;
import dev.vpnbot.application.port.out.payment.PaymentGatewayException;
import dev.vpnbot.domain.order.Order;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * Checks waiting orders with the gateway (webhooks get lost) and expires the overdue ones.
 *
 * <p>Rule: an order is expired only after its deadline plus a grace period, because a payment
 * sent just before the deadline may still be confirming on the blockchain. Money that arrives
 * even later is still honoured through the webhook or "Check payment".
 */
public final class PaymentReconciliation implements ReconcilePaymentsUseCase {
    private static final Logger LOG = Logger.getLogger(PaymentReconciliation.class.getName());

    private final Orders orders;
    private final PaymentCheck paymentCheck;
    private final Transactions transactions;
    private final Clock clock;
    private final Duration grace;
    private final int batchSize;

    public PaymentReconciliation(Orders orders, PaymentCheck paymentCheck, Transactions transactions, Clock clock,
                                 Duration grace, int batchSize) {
        if (grace.isNegative()) throw new IllegalArgumentException("grace period cannot be negative");
        if (batchSize < 1) throw new IllegalArgumentException("batch size must be positive");
        this.orders = orders;
        this.paymentCheck = paymentCheck;
        this.transactions = transactions;
        this.clock = clock;
        this.grace = grace;
        this.batchSize = batchSize;
    }

    @Override
    public Report reconcile() {
        int checked = 0, paid = 0, expired = 0, failed = 0;
        for (Order order : orders.waitingForPayment(batchSize)) {
            Order now = order;
            if (order.invoice() != null) {
                checked++;
                try {
                    now = paymentCheck.checkNow(order);
                } catch (PaymentGatewayException e) {
                    failed++;
                    LOG.warning(() -> "could not check order " + order.publicId() + ": " + e.getMessage());
                    continue;
                }
                if (now.status().isPaid()) {
                    paid++;
                    continue;
                }
            }
            if (now.status().isWaitingForPayment() && expireIfOverdue(now)) expired++;
        }
        return new Report(checked, paid, expired, failed);
    }

    private boolean expireIfOverdue(Order order) {
        Instant cutoff = clock.instant().minus(grace);
        if (!order.isPastDeadline(cutoff)) return false;
        return transactions.inTransaction(() -> {
            Order current = orders.findForUpdate(order.id()).orElseThrow();
            if (!current.status().isWaitingForPayment()) return false;
            orders.save(current.expire());
            return true;
        });
    }
}
