package dev.vpnbot.application.service.payment;

import dev.vpnbot.application.model.payment.PaymentStatus;
import dev.vpnbot.application.port.in.Refusal;
import dev.vpnbot.application.port.in.balance.PayFromBalanceUseCase;
import dev.vpnbot.application.port.in.payment.ConfirmPaymentUseCase.Outcome;
import dev.vpnbot.application.port.in.payment.VerifiedPayment;
import dev.vpnbot.application.port.out.Orders;
import dev.vpnbot.application.port.out.Transactions;
import dev.vpnbot.application.port.out.balance.Balances;
import dev.vpnbot.application.port.out.balance.TopUps;
import dev.vpnbot.application.port.out.notify.AdminAlert;
import dev.vpnbot.application.port.out.notify.Notifier;
import dev.vpnbot.application.port.out.payment.PaymentGateway;
import dev.vpnbot.application.port.out.payment.PaymentGatewayException;
import dev.vpnbot.application.port.out.payment.PaymentInfo;
import dev.vpnbot.application.service.balance.BalanceBook;
import dev.vpnbot.application.service.balance.BalanceTopUp;
import dev.vpnbot.application.service.balance.Deposits;
import dev.vpnbot.domain.balance.EntryKind;
import dev.vpnbot.domain.balance.LedgerPosting;
import dev.vpnbot.domain.balance.TopUp;
import dev.vpnbot.domain.money.Money;
import dev.vpnbot.domain.order.Order;
import dev.vpnbot.domain.order.OrderId;
import dev.vpnbot.domain.order.PublicOrderId;
import dev.vpnbot.domain.user.UserId;
import java.time.Clock;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Paying from the balance. Rules: the debit, the order's move to PAID and its fulfilment job are
 * one transaction under the order's row lock ({@link PaymentConfirmation#applyLocked}), so a
 * crash leaves either nothing or a paid order whose job delivers it; the debit's source is the
 * order, so an order is debited once. A top-up is credited only after the gateway, asked
 * directly, says it was paid, at the fiat value it reports, once (source {@code topup:<id>});
 * a top-up made for an order then pays that order in the same transaction when it covers it.
 */
public final class BalanceCheckout implements PayFromBalanceUseCase {
    private static final Logger LOG = Logger.getLogger(BalanceCheckout.class.getName());

    private final Orders orders;
    private final TopUps topUps;
    private final BalanceBook book;
    private final BalanceTopUp topUpStarter;
    private final PaymentGateway gateway;
    private final PaymentConfirmation confirmation;
    private final Notifier notifier;
    private final Transactions transactions;
    private final Clock clock;

    public BalanceCheckout(Orders orders, TopUps topUps, BalanceBook book, BalanceTopUp topUpStarter, PaymentGateway gateway,
                           PaymentConfirmation confirmation, Notifier notifier, Transactions transactions, Clock clock) {
        this.orders = orders;
        this.topUps = topUps;
        this.book = book;
        this.topUpStarter = topUpStarter;
        this.gateway = gateway;
        this.confirmation = confirmation;
        this.notifier = notifier;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Order payWhole(UserId user, OrderId orderId) {
        PaymentConfirmation.Applied applied = transactions.inTransaction(() -> {
            Order order = payable(user, orderId);
            book.postOrRefuse(Deposits.orderDebit(order, clock)); // refused: the transaction writes nothing
            return confirmation.applyLocked(payment(order), order);
        });
        confirmation.announce(applied, payment(applied.order()));
        return applied.order();
    }

    @Override
    public TopUp topUpRest(UserId user, OrderId orderId) {
        Order order = transactions.inTransaction(() -> payable(user, orderId));
        Money rest = BalanceBook.shortfall(order.price(), book.balanceOf(user));
        if (rest.amount().signum() == 0) {
            throw new Refusal(Refusal.Reason.ORDER_NOT_PAYABLE, "the balance covers order " + order.publicId() + ": pay it from the balance");
        }
        return topUpStarter.start(user, rest, order.id());
    }

    /** The gateway's word on a top-up, applied once: the webhook, "Check payment" and the reconciler all come here. */
    public Outcome settleTopUp(PublicOrderId publicId) {
        Optional<TopUp> known = topUps.find(publicId);
        if (known.isEmpty()) {
            notifier.alertAdmins(new AdminAlert(AdminAlert.Kind.UNKNOWN_ORDER_PAID, "top-up " + publicId + " is not ours"));
            return Outcome.UNKNOWN_ORDER;
        }
        if (known.get().isCredited()) return Outcome.ALREADY_APPLIED;
        Optional<PaymentInfo> info;
        try {
            info = gateway.paymentInfo(publicId);
        } catch (PaymentGatewayException e) {
            LOG.warning(() -> "top-up " + publicId + ": the gateway could not be asked: " + e.getMessage());
            return e.isTransient() ? Outcome.GATEWAY_UNREACHABLE : Outcome.GATEWAY_ANSWER_UNUSABLE;
        }
        if (info.isEmpty()) return Outcome.NOT_CONFIRMED;
        PaymentStatus status = info.get().status();
        Money paid = info.get().paid() != null ? info.get().paid() : status.isPaid() ? info.get().invoiced() : null;
        if (paid == null || !(status.isPaid() || status == PaymentStatus.WRONG_AMOUNT)) {
            return status == PaymentStatus.PENDING ? Outcome.PENDING : Outcome.NOT_PAID;
        }
        try {
            Credited credited = transactions.inTransaction(() -> credit(publicId, paid, info.get().invoiceId()));
            if (credited.order() != null) confirmation.announce(credited.order(), payment(credited.order().order()));
            return credited.outcome();
        } catch (Refusal refused) {
            notifier.alertAdmins(new AdminAlert(AdminAlert.Kind.UNKNOWN_ORDER_PAID,
                    "top-up " + publicId + " paid " + paid + " but it cannot be credited: " + refused.getMessage()));
            return Outcome.HELD_FOR_ADMIN;
        }
    }

    private Credited credit(PublicOrderId publicId, Money paid, String invoiceId) {
        TopUp topUp = topUps.findForUpdate(publicId).orElseThrow();
        if (topUp.isCredited()) return new Credited(Outcome.ALREADY_APPLIED, null);
        book.post(new LedgerPosting(topUp.user(), EntryKind.DEPOSIT, paid, "top-up " + publicId + " (invoice " + invoiceId + ")",
                "topup:" + publicId.value(), null, publicId.value(), null, clock.instant()));
        topUps.save(topUp.credited(clock.instant()));
        if (topUp.forOrder() == null) return new Credited(Outcome.PAID, null);
        Order order = orders.findForUpdate(topUp.forOrder()).orElseThrow();
        if (!order.status().canBePaid()) return new Credited(Outcome.PAID, null);
        Balances.Posted debit = book.post(Deposits.orderDebit(order, clock));
        if (debit.result() == Balances.Result.INSUFFICIENT) return new Credited(Outcome.PAID, null); // the money stays on the balance
        return new Credited(Outcome.PAID, confirmation.applyLocked(payment(order), order));
    }

    /** Top-ups not credited yet whose invoices may have been paid meanwhile: asked about, oldest first. */
    public int settleWaiting(java.time.Duration lookBack, int limit) {
        int credited = 0;
        for (TopUp topUp : topUps.waiting(clock.instant().minus(lookBack), limit)) {
            if (topUp.invoice() != null && settleTopUp(topUp.publicId()) == Outcome.PAID) credited++;
        }
        return credited;
    }

    private Order payable(UserId user, OrderId orderId) {
        Order order = orders.findForUpdate(orderId).filter(o -> o.userId().equals(user))
                .orElseThrow(() -> new Refusal(Refusal.Reason.ORDER_NOT_FOUND, "order " + orderId + " of " + user));
        if (!order.status().canBePaid()) throw new Refusal(Refusal.Reason.ORDER_NOT_PAYABLE, "order " + order.publicId() + " is " + order.status());
        return order;
    }

    private static VerifiedPayment payment(Order order) {
        return VerifiedPayment.paidFromBalance(order.publicId(), Deposits.orderDebitSource(order), order.price());
    }

    private record Credited(Outcome outcome, PaymentConfirmation.Applied order) {}
}
