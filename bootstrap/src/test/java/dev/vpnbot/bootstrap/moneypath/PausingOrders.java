package dev.vpnbot.bootstrap.moneypath;

import dev.vpnbot.application.port.out.Orders;
import dev.vpnbot.domain.order.Order;
import dev.vpnbot.domain.order.OrderId;
import dev.vpnbot.domain.order.OrderStatus;
import dev.vpnbot.domain.order.PublicOrderId;
import dev.vpnbot.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Test double around the real orders repository: holds one unit of work of the money path
 * after it wrote the order and before it commits, so a test can break the database
 * connection at exactly that moment. Pauses once; every other call passes straight through.
 */
final class PausingOrders implements Orders {

    /** The three transactions of the money path, told apart by the order they save. */
    enum UnitOfWork {
        /** Payment event, order → PAID, fulfilment job. */
        PAYMENT,
        /** Key reserved (or extended), order records what it granted. */
        GRANT,
        /** Key active with its links, order → FULFILLED. */
        FINISH;

        boolean saves(Order order) {
            return switch (this) {
                case PAYMENT -> order.status() == OrderStatus.PAID && !order.isGranted();
                case GRANT -> order.status() == OrderStatus.PAID && order.isGranted();
                case FINISH -> order.status() == OrderStatus.FULFILLED;
            };
        }
    }

    private final Orders orders;
    private final UnitOfWork unit;
    private final AtomicBoolean pausedOnce = new AtomicBoolean();
    private final CountDownLatch reached = new CountDownLatch(1);
    private final CountDownLatch proceed = new CountDownLatch(1);

    PausingOrders(Orders orders, UnitOfWork unit) {
        this.orders = orders;
        this.unit = unit;
    }

    /** Blocks until the unit of work is held open; fails after 10 s. */
    void awaitPause() throws InterruptedException {
        if (!reached.await(10, TimeUnit.SECONDS)) throw new AssertionError(unit + " never reached its pause");
    }

    /** Lets the held unit of work go on to its commit. */
    void proceed() {
        proceed.countDown();
    }

    @Override
    public void save(Order order) {
        orders.save(order);
        if (unit.saves(order) && pausedOnce.compareAndSet(false, true)) {
            reached.countDown();
            try {
                if (!proceed.await(10, TimeUnit.SECONDS)) throw new IllegalStateException("the test never let " + unit + " go on");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    @Override
    public OrderId nextId() {
        return orders.nextId();
    }

    @Override
    public Optional<Order> find(OrderId id) {
        return orders.find(id);
    }

    @Override
    public Optional<Order> findForUpdate(OrderId id) {
        return orders.findForUpdate(id);
    }

    @Override
    public Optional<Order> findByPublicId(PublicOrderId publicId) {
        return orders.findByPublicId(publicId);
    }

    @Override
    public List<Order> waitingForPayment(long afterId, int limit) {
        return orders.waitingForPayment(afterId, limit);
    }

    @Override
    public List<Order> lapsedWithInvoice(Instant deadlineAfter, long afterId, int limit) {
        return orders.lapsedWithInvoice(deadlineAfter, afterId, limit);
    }

    @Override
    public int countWaiting(UserId user) {
        return orders.countWaiting(user);
    }

    @Override
    public List<Order> ofUser(UserId user, int limit) {
        return orders.ofUser(user, limit);
    }
}
