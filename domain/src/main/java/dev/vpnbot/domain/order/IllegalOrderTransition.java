package dev.vpnbot.domain.order;

/** Thrown when code asks an order to move where its state machine does not allow. */
public class IllegalOrderTransition extends IllegalStateException {
    public IllegalOrderTransition(Order order, OrderStatus target) {
        super("order " + order.id() + " cannot go from " + order.status() + " to " + target);
    }
}
