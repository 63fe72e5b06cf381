package dev.vpnbot.domain.balance;

import dev.vpnbot.domain.money.Money;
import dev.vpnbot.domain.order.OrderId;
import dev.vpnbot.domain.user.UserId;
import java.time.Instant;
import java.util.Objects;

/**
 * One written line of a user's ledger (append-only). {@code balanceAfter} is the balance this
 * entry left, never below zero.
 */
public record LedgerEntry(long id, UserId user, EntryKind kind, Money amount, Money balanceAfter, String reason,
                          String source, OrderId order, String paymentRef, UserId actor, Instant at) {

    public LedgerEntry {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(balanceAfter, "balanceAfter");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(at, "at");
        if (!amount.sameCurrencyAs(balanceAfter)) throw new IllegalArgumentException("an entry and its balance share one currency");
    }

    /** The entry's effect on the balance: plus for money in, minus for a debit. */
    public java.math.BigDecimal signedAmount() {
        return kind.addsMoney() ? amount.amount() : amount.amount().negate();
    }
}
