package dev.vpnbot.application.port.in.admin;

import dev.vpnbot.domain.balance.AutoRenew;
import dev.vpnbot.domain.balance.LedgerEntry;
import dev.vpnbot.domain.money.Money;
import dev.vpnbot.domain.user.UserId;
import java.util.List;

/**
 * Admin use case: a user's ledger, manual credits and debits with a reason (each one an entry
 * naming the admin, and an alert to the other admins), and who has auto-renew on.
 */
public interface ManageBalancesUseCase {

    record Ledger(UserId user, Money balance, List<LedgerEntry> entries) {
        public Ledger {
            entries = List.copyOf(entries);
        }
    }

    Ledger ledger(UserId admin, UserId user, int limit);

    /** Refusal INVALID_INPUT (amount, reason), USER_NOT_FOUND. */
    LedgerEntry credit(UserId admin, UserId user, String amount, String reason);

    /** Refusal INVALID_INPUT, USER_NOT_FOUND, BALANCE_TOO_LOW. */
    LedgerEntry debit(UserId admin, UserId user, String amount, String reason);

    List<AutoRenew> autoRenewers(UserId admin, int limit);
}
