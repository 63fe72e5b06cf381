package dev.vpnbot.bootstrap.metrics;

import dev.vpnbot.application.port.in.payment.ConfirmPaymentUseCase;
import java.util.Locale;

/**
 * Decorator: counts verified payment notifications by outcome. Only the webhook path goes
 * through this port (checks, test payments and grants use ApplyPaymentUseCase), so the counter is
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
            // a gateway that could not be asked back has always counted as an error here
            boolean gatewayFailed = outcome == Outcome.GATEWAY_UNREACHABLE || outcome == Outcome.GATEWAY_ANSWER_UNUSABLE;
            metrics.paymentNotifications.withTag("outcome", gatewayFailed ? "error" : outcome.name().toLowerCase(Locale.ROOT)).increment();
            return outcome;
        } catch (RuntimeException e) {
            metrics.paymentNotifications.withTag("outcome", "error").increment();
            throw e;
        }
    }
}
