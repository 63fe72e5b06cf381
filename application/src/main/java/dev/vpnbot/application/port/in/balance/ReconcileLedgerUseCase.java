package dev.vpnbot.application.port.in.balance;

import java.time.LocalDate;
import java.util.List;

/**
 * Use case (daily): the ledger's deposits of a UTC day against what the gateway says was paid for
 * them, and every account's figure against its ledger. Any mismatch alerts the admins.
 */
public interface ReconcileLedgerUseCase {

    record Report(LocalDate day, int deposits, int checkedPayments, List<String> mismatches) {
        public Report {
            mismatches = List.copyOf(mismatches);
        }
    }

    Report reconcile(LocalDate day);

    /** {@link #reconcile} once per day whichever instance asks first (a timer calls it every hour); empty when it ran already. */
    java.util.Optional<Report> reconcileOnce(LocalDate day);
}
