package dev.vpnbot.application.service.payment;

import dev.vpnbot.domain.order.OrderId;

/**
 * Paid orders that never get a key of their own (gifts): a refund of one takes back no time, it
 * voids what the order bought, in the refund's transaction.
 */
public interface KeylessOrders {

    KeylessOrders NONE = new KeylessOrders() {
        @Override
        public boolean owns(OrderId order) {
            return false;
        }

        @Override
        public void refunded(OrderId order) {
        }
    };

    boolean owns(OrderId order);

    /** Called inside the refund's transaction. */
    void refunded(OrderId order);
}
