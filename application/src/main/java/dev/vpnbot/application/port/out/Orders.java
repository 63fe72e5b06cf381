package dev.vpnbot.application.port.out;

import dev.vpnbot.domain.order.Order;
import dev.vpnbot.domain.order.OrderId;
import dev.vpnbot.domain.order.PublicOrderId;
import dev.vpnbot.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Outgoing port: orders, from placed to fulfilled. */
public interface Orders {
    OrderId nextId();

    Optional<Order> find(OrderId id);

    /** Like {@link #find} but locks the order until the surrounding transaction ends. */
    Optional<Order> findForUpdate(OrderId id);

    Optional<Order> findByPublicId(PublicOrderId publicId);

    /**
     * Orders still waiting for money (created or awaiting payment) whose id is above {@code afterId}
     * (0: from the first), lowest id first: the reconciler walks them in rounds, so no crowd of orders hides the rest.
     */
    List<Order> waitingForPayment(long afterId, int limit);

    /**
     * Cancelled, expired or underpaid orders with an invoice whose payment deadline is after
     * {@code deadlineAfter} and whose id is above {@code afterId}, lowest id first: money may still
     * arrive for them while their invoice lives, and a little after.
     */
    List<Order> lapsedWithInvoice(Instant deadlineAfter, long afterId, int limit);

    /** How many of the user's orders still wait for money. */
    int countWaiting(UserId user);

    /** A user's orders, newest first. */
    List<Order> ofUser(UserId user, int limit);

    /** Inserts or updates. The public order id is unique for ever. */
    void save(Order order);
}
