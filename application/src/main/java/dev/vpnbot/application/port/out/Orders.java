package dev.vpnbot.application.port.out;

import dev.vpnbot.domain.order.Order;
import dev.vpnbot.domain.order.OrderId;
import dev.vpnbot.domain.order.PublicOrderId;
import dev.vpnbot.domain.user.UserId;
import java.util.List;
import java.util.Optional;

/** Outgoing port: orders, from placed to fulfilled. */
public interface Orders {
    OrderId nextId();

    Optional<Order> find(OrderId id);

    /** Like {@link #find} but locks the order until the surrounding transaction ends. */
    Optional<Order> findForUpdate(OrderId id);

    Optional<Order> findByPublicId(PublicOrderId publicId);

    /** Orders still waiting for money (created or awaiting payment), oldest first. */
    List<Order> waitingForPayment(int limit);

    /** A user's orders, newest first. */
    List<Order> ofUser(UserId user, int limit);

    /** Inserts or updates. The public order id is unique for ever. */
    void save(Order order);
}
