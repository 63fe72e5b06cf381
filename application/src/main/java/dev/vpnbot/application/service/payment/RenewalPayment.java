package dev.vpnbot.application.service.payment;

import dev.vpnbot.application.port.in.payment.VerifiedPayment;
import dev.vpnbot.application.port.out.Orders;
import dev.vpnbot.application.port.out.Transactions;
import dev.vpnbot.application.port.out.balance.AutoRenewals;
import dev.vpnbot.application.port.out.balance.Balances;
import dev.vpnbot.application.service.balance.BalanceBook;
import dev.vpnbot.application.service.balance.Deposits;
import dev.vpnbot.application.service.ordering.Nonces;
import dev.vpnbot.domain.key.VpnKey;
import dev.vpnbot.domain.order.Order;
import dev.vpnbot.domain.order.OrderId;
import dev.vpnbot.domain.order.OrderPurpose;
import dev.vpnbot.domain.order.PublicOrderId;
import dev.vpnbot.domain.tariff.Tariff;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A renewal paid from the balance, in one transaction: the order, the claim on the key's current
 * expiry (unique across instances), the debit, and the order's move to PAID with its fulfilment
 * job ({@link PaymentConfirmation#applyLocked}). A lost claim or a short balance rolls all of it back.
 */
public final class RenewalPayment {
    /** An order paid at once needs no payment window; this only satisfies the order's shape. */
    private static final Duration WINDOW = Duration.ofHours(1);

    public enum Result { RENEWED, SHORT, REFUSED, TAKEN }

    private final Orders orders;
    private final AutoRenewals claims;
    private final BalanceBook book;
    private final PaymentConfirmation confirmation;
    private final Transactions transactions;
    private final Clock clock;
    private final Nonces nonces = new Nonces();

    public RenewalPayment(Orders orders, AutoRenewals claims, BalanceBook book, PaymentConfirmation confirmation,
                          Transactions transactions, Clock clock) {
        this.orders = orders;
        this.claims = claims;
        this.book = book;
        this.confirmation = confirmation;
        this.transactions = transactions;
        this.clock = clock;
    }

    public Result renew(VpnKey key, Instant expiresAt, Tariff tariff) {
        try {
            PaymentConfirmation.Applied applied = transactions.inTransaction(() -> {
                Instant now = clock.instant();
                OrderId id = orders.nextId();
                Order order = Order.place(id, PublicOrderId.of(id, nonces.next()), key.owner(), tariff.snapshot(),
                        new OrderPurpose.Renewal(key.id()), now, WINDOW);
                orders.save(order);
                if (!claims.claim(key.id(), expiresAt, id, now)) throw new Undone(Result.TAKEN);
                if (book.post(Deposits.orderDebit(order, clock)).result() == Balances.Result.INSUFFICIENT) throw new Undone(Result.SHORT);
                return confirmation.applyLocked(payment(order), order);
            });
            confirmation.announce(applied, payment(applied.order()));
            return Result.RENEWED;
        } catch (Undone undone) {
            return undone.result;
        }
    }

    private static VerifiedPayment payment(Order order) {
        return VerifiedPayment.paidFromBalance(order.publicId(), Deposits.orderDebitSource(order), order.price());
    }

    /** Rolls the transaction back on purpose. */
    private static final class Undone extends RuntimeException {
        private final Result result;

        Undone(Result result) {
            super(result.name(), null, false, false);
            this.result = result;
        }
    }
}
