package dev.vpnbot.bootstrap.metrics;

import dev.vpnbot.application.port.in.payment.ConfirmPaymentUseCase;
import java.util.Locale;

/**
 * Decorator: counts verified payment notifications by outcome. Only the webhook path goes
 * through this port (checks and test payments use the service directly), so the counter is
 * exactly "what Heleket told us".
 */
public final class MeasuredPaymentNotifications implements ConfirmPaymentUseCase {
    private final ConfirmPaymentUseCase confirmation;
    private final BotMetrics metrics;

    public MeasuredPaymentNotifications(ConfirmPaymentUseCase confirmation, BotMetrics metrics) {
        this.confirmation = confirmation;
        this.metrics = metrics;
    }

    @Override
    public Outcome confirm(ConfirmPaymentCommand command) {
        try {
            Outcome outcome = confirmation.confirm(command);
            metrics.paymentNotifications.withTag("outcome", outcome.name().toLowerCase(Locale.ROOT)).increment();
            return outcome;
        } catch (RuntimeException e) {
            metrics.paymentNotifications.withTag("outcome", "error").increment();
            throw e;
        }
    }
}
