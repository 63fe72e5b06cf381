package dev.vpnbot.bootstrap.metrics;

import dev.vpnbot.application.port.in.fulfilment.FulfilOrderUseCase;
import dev.vpnbot.domain.order.OrderId;
import java.util.Locale;

/** Decorator: how long delivering a paid order takes, and how attempts end. */
public final class MeasuredFulfilment implements FulfilOrderUseCase {
    private final FulfilOrderUseCase fulfilment;
    private final BotMetrics metrics;

    public MeasuredFulfilment(FulfilOrderUseCase fulfilment, BotMetrics metrics) {
        this.fulfilment = fulfilment;
        this.metrics = metrics;
    }

    @Override
    public Result fulfil(OrderId orderId) {
        long start = System.nanoTime();
        try {
            Result result = fulfilment.fulfil(orderId);
            metrics.fulfilments.inc(result.name().toLowerCase(Locale.ROOT));
            if (result == Result.FULFILLED) metrics.fulfilment.observeSince(start);
            return result;
        } catch (RuntimeException e) {
            metrics.fulfilments.inc("failed");
            throw e;
        }
    }
}
