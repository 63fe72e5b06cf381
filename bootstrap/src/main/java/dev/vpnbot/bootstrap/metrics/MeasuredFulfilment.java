package dev.vpnbot.bootstrap.metrics;

import dev.vpnbot.application.port.in.fulfilment.FulfilOrderUseCase;
import dev.vpnbot.domain.order.OrderId;
import io.micrometer.core.instrument.Timer;
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
        Timer.Sample start = Timer.start();
        try {
            Result result = fulfilment.fulfil(orderId);
            metrics.fulfilments.withTag("result", result.name().toLowerCase(Locale.ROOT)).increment();
            if (result == Result.FULFILLED) start.stop(metrics.fulfilment);
            return result;
        } catch (RuntimeException e) {
            metrics.fulfilments.withTag("result", "failed").increment();
            throw e;
        }
    }
}
