package dev.vpnbot.application.port.in.balance;

/**
 * Use case (a timer): keys with auto-renew due within the lead time are renewed from the balance,
 * once per key and expiry even with several instances; a balance that falls short gets the owner
 * one reminder naming the shortfall.
 */
public interface RenewFromBalanceUseCase {

    record Round(int renewed, int tooShort, int refused) {}

    Round renewDue();
}
