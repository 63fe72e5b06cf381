package dev.vpnbot.domain.balance;

import dev.vpnbot.domain.money.Money;
import dev.vpnbot.domain.order.OrderId;
import dev.vpnbot.domain.user.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An entry about to be written to a user's ledger. Rules: the amount is above zero (Money
 * already refuses negatives and more decimals than the currency has); {@code source} names what
 * the entry comes from and is its exactly-once key: posting the same source twice writes once.
 *
 * @param order      the order it comes from or pays, or null
 * @param paymentRef the gateway's order id (Heleket's order_id) of the money, or null
 * @param actor      the admin who posted it by hand, or null
 */
public record LedgerPosting(UserId user, EntryKind kind, Money amount, String reason, String source,
                            OrderId order, String paymentRef, UserId actor, Instant at) {
    private static final Pattern SOURCE = Pattern.compile("[A-Za-z0-9:@._-]{1,200}");

    public LedgerPosting {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(at, "at");
        if (amount.amount().signum() <= 0) throw new IllegalArgumentException("a ledger entry moves more than zero, got " + amount);
        reason = reason.strip();
        if (reason.isEmpty() || reason.length() > 300) throw new IllegalArgumentException("a ledger entry needs a reason of 1 to 300 characters");
        if (!SOURCE.matcher(source).matches()) throw new IllegalArgumentException("not a ledger source: '" + source + "'");
    }

    /** The entry once written, with the balance it left. */
    public LedgerEntry written(long id, Money balanceAfter) {
        return new LedgerEntry(id, user, kind, amount, balanceAfter, reason, source, order, paymentRef, actor, at);
    }
}
