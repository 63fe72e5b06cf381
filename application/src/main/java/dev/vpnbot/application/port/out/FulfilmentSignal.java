package dev.vpnbot.application.port.out;

import dev.vpnbot.domain.order.OrderId;

/**
 * Outgoing port: an order is paid and its fulfilment job is committed, so delivery may start now
 * instead of at the scheduler's next tick. Told only after the commit, never from inside a
 * transaction. A lost signal costs time, never a key: the scheduler finds the job anyway.
 */
public interface FulfilmentSignal {

    /** Returns at once and does not throw: the delivery itself runs elsewhere. */
    void orderPaid(OrderId order);
}
