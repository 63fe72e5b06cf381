package dev.vpnbot.application.service.payment;

import dev.vpnbot.application.port.in.payment.ReconcilePaymentsUseCase;
import dev.vpnbot.application.port.out.Orders;
import dev.vpnbot.application.port.out.Transactions;
import dev.vpnbot.application.port.out.payment.PaymentGatewayException;
import dev.vpnbot.domain.order.Order;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;

/**
 * Checks unpaid orders with the gateway (webhooks get lost) and expires the overdue ones.
 *
 * <p>Rule: an order is expired only after its deadline plus a grace period, because a payment
 * sent just before the deadline may still be confirming on the blockchain. Money that arrives
 * even later is still honoured: cancelled, expired and underpaid orders that had an invoice are
 * asked about too, until their deadline plus {@code lateWindow}, and a confirmed payment goes the
 * same exactly-once way as a webhook.
 *
 * <p>Both walks move a cursor through the orders by id and start over at the end, so a crowd of
 * orders (one user placing hundreds) delays the others by a few rounds at most, never for ever.
 */
public final class PaymentReconciliation implements ReconcilePaymentsUseCase {
    private static final Logger LOG = Logger.getLogger(PaymentReconciliation.class.getName());

    private final Orders orders;
    private final PaymentCheck paymentCheck;
    private final Transactions transactions;
    private final Clock clock;
    private final Duration grace;
    private final int batchSize;
    private final Duration lateWindow;
    private long waitingCursor;
    private long lapsedCursor;

    /**
     * @param grace      how long after its deadline a waiting order is expired
     * @param batchSize  orders of each walk checked per round
     * @param lateWindow how long after its deadline a lapsed order with an invoice is still asked about
     */
    public PaymentReconciliation(Orders orders, PaymentCheck paymentCheck, Transactions transactions, Clock clock,
                                 Duration grace, int batchSize, Duration lateWindow) {
        if (grace.isNegative() || lateWindow.isNegative()) throw new IllegalArgumentException("grace periods cannot be negative");
        if (batchSize < 1) throw new IllegalArgumentException("batch size must be positive");
        this.orders = orders;
        this.paymentCheck = paymentCheck;
        this.transactions = transactions;
        this.clock = clock;
        this.grace = grace;
        this.batchSize = batchSize;
        this.lateWindow = lateWindow;
    }

    @Override
    public synchronized Report reconcile() {
        Tally tally = new Tally();
        List<Order> waiting = orders.waitingForPayment(waitingCursor, batchSize);
        waitingCursor = next(waiting);
        for (Order order : waiting) {
            Order now = order.invoice() == null ? order : check(order, tally);
            if (now != null && now.status().isWaitingForPayment() && expireIfOverdue(now)) tally.expired++;
        }
        List<Order> lapsed = orders.lapsedWithInvoice(clock.instant().minus(lateWindow), lapsedCursor, batchSize);
        lapsedCursor = next(lapsed);
        for (Order order : lapsed) check(order, tally);
        return new Report(tally.checked, tally.paid, tally.expired, tally.failed);
    }

    /** Where the next round starts: after this batch, or from the beginning when the walk reached the end. */
    private long next(List<Order> batch) {
        return batch.size() < batchSize ? 0 : batch.get(batch.size() - 1).id().value();
    }

    /** The order after asking the gateway; null when it could not be asked. */
    private Order check(Order order, Tally tally) {
        tally.checked++;
        try {
            Order now = paymentCheck.checkNow(order);
            if (now.status().isPaid()) tally.paid++;
            return now;
        } catch (PaymentGatewayException e) {
            tally.failed++;
            LOG.warning(() -> "could not check order " + order.publicId() + ": " + e.getMessage());
            return null;
        }
    }

    private static final class Tally {
        int checked, paid, expired, failed;
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
