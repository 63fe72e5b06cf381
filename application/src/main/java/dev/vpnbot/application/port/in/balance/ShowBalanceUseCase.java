package dev.vpnbot.application.port.in.balance;

import dev.vpnbot.domain.balance.LedgerEntry;
import dev.vpnbot.domain.money.Money;
import dev.vpnbot.domain.user.UserId;
import java.util.List;

/** Use case: a user's balance (in the shop's currency; zero before any entry) and their latest entries. */
public interface ShowBalanceUseCase {

    record BalanceView(Money balance, List<LedgerEntry> history) {
        public BalanceView {
            history = List.copyOf(history);
        }
    }

    BalanceView show(UserId user, int historyLimit);

    /** Parses what a person typed ("5", "4.99", "4,99") into the shop's currency; {@code Refusal INVALID_INPUT} for zero, negatives or too many decimals. */
    Money amount(String typed);
}
