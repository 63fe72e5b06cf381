package dev.vpnbot.application.service.balance;

import dev.vpnbot.application.port.out.balance.Balances;
import dev.vpnbot.domain.balance.EntryKind;
import dev.vpnbot.domain.balance.LedgerEntry;
import dev.vpnbot.domain.balance.LedgerPosting;
import dev.vpnbot.domain.money.Money;
import dev.vpnbot.domain.order.Order;
import java.time.Clock;
import java.util.Currency;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Every coin lands: money the gateway confirmed for an order that it does not exactly buy goes to
 * the buyer's balance, in the transaction that applies the payment (the caller's), once per order.
 * A surplus is deposited when the order is paid; an underpayment is deposited whole (and the
 * order then waits for the difference, payable from the balance). Money in a currency other than
 * the shop's cannot be deposited: it stays with the admins' alert about it.
 */
public final class Deposits {
    private static final Logger LOG = Logger.getLogger(Deposits.class.getName());

    private final BalanceBook book;
    private final ShopCurrency currency;
    private final Clock clock;

    public Deposits(BalanceBook book, ShopCurrency currency, Clock clock) {
        this.book = book;
        this.currency = currency;
        this.clock = clock;
    }

    /** The ledger source of an underpayment deposited for {@code order}. */
    public static String underpaidSource(Order order) {
        return "underpaid:" + order.id().value();
    }

    /** What a gateway-paid order got beyond its price, deposited once. */
    public void surplus(Order paid) {
        paid.overpayment().filter(this::depositable).ifPresent(extra -> book.post(new LedgerPosting(paid.userId(), EntryKind.DEPOSIT,
                extra, "surplus of order " + paid.publicId(), "surplus:" + paid.id().value(), paid.id(), paid.publicId().value(),
                null, clock.instant())));
    }

    /** Money too little for the order, deposited whole, once per order. */
    public Optional<LedgerEntry> underpaid(Order flagged, Money paid) {
        if (paid == null || !depositable(paid)) {
            LOG.warning(() -> "order " + flagged.publicId() + ": underpayment " + paid + " cannot go to the balance");
            return Optional.empty();
        }
        Balances.Posted posted = book.post(new LedgerPosting(flagged.userId(), EntryKind.DEPOSIT, paid,
                "underpayment for order " + flagged.publicId(), underpaidSource(flagged), flagged.id(), flagged.publicId().value(),
                null, clock.instant()));
        return Optional.ofNullable(posted.entry());
    }

    /** The underpayment deposited for this order before, if any. */
    public Optional<Money> creditedAsUnderpaid(Order order) {
        return book.entry(underpaidSource(order)).map(LedgerEntry::amount);
    }

    /**
     * The gateway now says the whole price was paid for an order whose earlier part went to the
     * balance: the rest goes there too, then the price is debited for the order. False (nothing
     * debited, the rest deposited) when the balance no longer covers the price.
     */
    public boolean settleFromBalance(Order order, Money totalPaid, Money credited) {
        if (totalPaid != null && totalPaid.sameCurrencyAs(credited) && totalPaid.compareTo(credited) > 0) {
            book.post(new LedgerPosting(order.userId(), EntryKind.DEPOSIT, totalPaid.minus(credited),
                    "rest of the payment for order " + order.publicId(), "paid-rest:" + order.id().value(), order.id(),
                    order.publicId().value(), null, clock.instant()));
        }
        return book.post(orderDebit(order, clock)).result() != Balances.Result.INSUFFICIENT;
    }

    /** The debit that pays an order from the balance; its source is the order, so an order is paid from the balance once. */
    public static LedgerPosting orderDebit(Order order, Clock clock) {
        return new LedgerPosting(order.userId(), EntryKind.DEBIT, order.price(), "order " + order.publicId(),
                orderDebitSource(order), order.id(), null, null, clock.instant());
    }

    public static String orderDebitSource(Order order) {
        return "order:" + order.id().value();
    }

    private boolean depositable(Money money) {
        Currency shop;
        try {
            shop = currency.get();
        } catch (RuntimeException noTariffs) {
            return false; // never let the balance stop a payment from being applied
        }
        return money.currency().equals(shop) && money.amount().signum() > 0;
    }
}
