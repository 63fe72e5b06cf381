package dev.vpnbot.bootstrap.metrics;

import dev.vpnbot.application.port.in.payment.ReconcilePaymentsUseCase;

/**
 * Decorator: what each reconciliation round found. Payments found here are webhooks that never
 * arrived: a steady count of them means Heleket cannot reach the bot.
 */
public final class MeasuredReconciliation implements ReconcilePaymentsUseCase {
    private final ReconcilePaymentsUseCase reconciliation;
    private final BotMetrics metrics;

    public MeasuredReconciliation(ReconcilePaymentsUseCase reconciliation, BotMetrics metrics) {
        this.reconciliation = reconciliation;
        this.metrics = metrics;
    }

    @Override
    public Report reconcile() {
        Report r = reconciliation.reconcile();
        metrics.reconciliation.withTag("result", "checked").increment(r.checked());
        metrics.reconciliation.withTag("result", "paid").increment(r.paid());
        metrics.reconciliation.withTag("result", "expired").increment(r.expired());
        metrics.reconciliation.withTag("result", "check_failed").increment(r.failedChecks());
        return r;
    }
}
