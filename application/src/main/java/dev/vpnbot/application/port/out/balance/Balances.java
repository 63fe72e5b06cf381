package dev.vpnbot.application.port.out.balance;

import dev.vpnbot.domain.balance.LedgerEntry;
import dev.vpnbot.domain.balance.LedgerPosting;
import dev.vpnbot.domain.money.Money;
import dev.vpnbot.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Outgoing port: the users' ledgers and their balances. A posting is written whole or not at all,
 * under the user's account lock (joining the caller's transaction): a debit the balance does not
 * cover is refused and writes nothing; a source seen before writes nothing.
 */
public interface Balances {

    enum Result { POSTED, DUPLICATE, INSUFFICIENT }

    /** @param balance the balance after the posting (POSTED) or as it stands (otherwise) */
    record Posted(Result result, Money balance, LedgerEntry entry) {
        public Posted {
            Objects.requireNonNull(result, "result");
            Objects.requireNonNull(balance, "balance");
        }
    }

    /** Writes the entry; the account is opened in the posting's currency on its first entry. A posting in another currency than the account's throws. */
    Posted post(LedgerPosting posting);

    /** The balance as the account holds it; empty before the first entry. */
    Optional<Money> balanceOf(UserId user);

    /** A user's entries, newest first. */
    List<LedgerEntry> history(UserId user, int limit);

    /** The entry written under this source, if any. */
    Optional<LedgerEntry> entry(String source);

    /** Deposits written in [from, to), oldest first: the daily reconciliation's input. */
    List<LedgerEntry> depositsBetween(Instant from, Instant to);

    /** Every deposit made from one gateway payment (its public order id), oldest first. */
    List<LedgerEntry> depositsOfPayment(String paymentRef);

    /** Users whose account figure differs from the sum of their ledger (empty when all agree). */
    List<UserId> accountsDisagreeingWithLedger();
}
