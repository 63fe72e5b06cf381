package dev.vpnbot.application.port.in.payment;

/**
 * Use case: the safety net for lost webhooks. Orders still waiting for money are checked with
 * the gateway; orders past their deadline (plus a grace period) become expired.
 */
public interface ReconcilePaymentsUseCase {

    record Report(int checked, int paid, int expired, int failedChecks) {}

    Report reconcile();
}
