package dev.vpnbot.application.port.in.fulfilment;

import dev.vpnbot.domain.order.OrderId;

/**
 * Use case: deliver what a paid order bought: create the key on its server, or extend the
 * key. Idempotent: calling it again after a crash or failure at any point finishes the job
 * without creating a second client or extending twice.
 */
public interface FulfilOrderUseCase {

    enum Result { FULFILLED, ALREADY_FULFILLED, NOT_PAID }

    /** Throws {@link dev.vpnbot.application.port.out.panel.PanelException} when the panel fails; retry later. */
    Result fulfil(OrderId orderId);
}
