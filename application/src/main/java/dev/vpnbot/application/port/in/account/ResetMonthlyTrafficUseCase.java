package dev.vpnbot.application.port.in.account;

/** Use case (a timer): keys on a tariff with a monthly reset start their traffic from zero every 30 days. */
public interface ResetMonthlyTrafficUseCase {

    /** Resets the keys that are due; returns how many were reset. */
    int resetDue();
}
