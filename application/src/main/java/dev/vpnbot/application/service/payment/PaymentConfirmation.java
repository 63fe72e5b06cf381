package dev.vpnbot.application.service.payment;

import dev.vpnbot.application.model.payment.PaymentStatus;
import dev.vpnbot.application.port.in.payment.ApplyPaymentUseCase;
import dev.vpnbot.application.port.in.payment.ConfirmPaymentUseCase;
import dev.vpnbot.application.port.in.payment.VerifiedPayment;
import dev.vpnbot.application.port.out.FulfilmentJobs;
import dev.vpnbot.application.port.out.FulfilmentSignal;
import dev.vpnbot.application.port.out.OrderNotices;
import dev.vpnbot.application.port.out.Orders;
import dev.vpnbot.application.port.out.PaymentEvents;
import dev.vpnbot.application.port.out.Transactions;
import dev.vpnbot.application.port.out.notify.AdminAlert;
import dev.vpnbot.application.port.out.notify.Notifier;
import dev.vpnbot.application.port.out.payment.PaymentEvent;
import dev.vpnbot.application.port.out.payment.PaymentGateway;
import dev.vpnbot.application.port.out.payment.PaymentGatewayException;
import dev.vpnbot.application.port.out.payment.PaymentInfo;
import dev.vpnbot.application.service.balance.Deposits;
import dev.vpnbot.application.service.fulfilment.OrderNoticeRelay;
import dev.vpnbot.domain.money.Money;
import dev.vpnbot.domain.order.Order;
import dev.vpnbot.domain.order.OrderId;
import dev.vpnbot.domain.order.OrderStatus;
import dev.vpnbot.domain.order.PaymentMethod;
import dev.vpnbot.domain.order.PaymentMismatch;
import dev.vpnbot.domain.order.PublicOrderId;
import java.time.Clock;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Applies payment news to orders, exactly once.
 *
 * <p>Rules: a notification that says "paid" is never believed on its own: the gateway is asked
 * directly first, and its answer (status and amount) is what counts. Every payment, confirmed
 * that way or established otherwise, goes through {@link #apply}: the event, the order's move to
 * PAID and its fulfilment job are written in one transaction under the order's row lock, so
 * repeated or racing deliveries apply once. Money that arrives for an expired or cancelled order
 * is still honoured. The buyer's "payment too low" notice is put in the outbox in that same
 * transaction.
 */
public final class PaymentConfirmation implements ConfirmPaymentUseCase, ApplyPaymentUseCase {
    private static final Logger LOG = Logger.getLogger(PaymentConfirmation.class.getName());

    private final Orders orders;
    private final PaymentEvents events;
    private final FulfilmentJobs jobs;
    private final PaymentGateway gateway;
    private final Notifier notifier;
    private final Transactions transactions;
    private final Clock clock;
    private final FulfilmentSignal fulfilmentSignal;
    private final OrderNoticeRelay notices;
    /** Where money that buys no key exactly goes (surplus, underpayment); null: kept on the order only. */
    private final Deposits deposits;

    public PaymentConfirmation(Orders orders, PaymentEvents events, FulfilmentJobs jobs, PaymentGateway gateway,
                               Notifier notifier, Transactions transactions, Clock clock, FulfilmentSignal fulfilmentSignal,
                               OrderNoticeRelay notices) {
        this(orders, events, jobs, gateway, notifier, transactions, clock, fulfilmentSignal, notices, null);
    }

    /** With a balance: surpluses and underpayments are deposited to the buyer's (docs/BALANCE.md). */
    public PaymentConfirmation(Orders orders, PaymentEvents events, FulfilmentJobs jobs, PaymentGateway gateway,
                               Notifier notifier, Transactions transactions, Clock clock, FulfilmentSignal fulfilmentSignal,
                               OrderNoticeRelay notices, Deposits deposits) {
        this.deposits = deposits;
        this.orders = orders;
        this.events = events;
        this.jobs = jobs;
        this.gateway = gateway;
        this.notifier = notifier;
        this.transactions = transactions;
        this.clock = clock;
        this.fulfilmentSignal = fulfilmentSignal;
        this.notices = notices;
    }

    @Override
    public Outcome confirm(ConfirmPaymentCommand command) {
        Optional<Order> known = orders.findByPublicId(command.orderId());
        if (known.isEmpty()) return unknownOrder(command.orderId(), command.invoiceId(), command.rawStatus());
        Order order = known.get();
        if (order.status().isPaid()) {
            return Outcome.ALREADY_APPLIED;
        }

        // Believe the gateway, not the message: a replayed or forged "paid" must not deliver a key.
        PaymentStatus status = command.status();
        Money paid = command.paid();
        if (status.isPaid() || status == PaymentStatus.WRONG_AMOUNT) {
            Optional<PaymentInfo> info;
            try {
                info = gateway.paymentInfo(command.orderId());
            } catch (PaymentGatewayException e) {
                LOG.warning(() -> "order " + command.orderId() + ": the gateway could not be asked about " + command.rawStatus() + ": " + e.getMessage());
                return e.isTransient() ? Outcome.GATEWAY_UNREACHABLE : Outcome.GATEWAY_ANSWER_UNUSABLE;
            }
            if (info.isEmpty() || !agree(status, info.get().status())) {
                LOG.warning(() -> "order " + command.orderId() + ": notification says " + command.rawStatus()
                        + " but the gateway says " + info.map(PaymentInfo::rawStatus).orElse("nothing"));
                return Outcome.NOT_CONFIRMED;
            }
            status = info.get().status();
            paid = info.get().paid();
        }
        return apply(VerifiedPayment.fromGateway(command.orderId(), command.invoiceId(), status, paid, command.rawStatus(),
                command.payload()), order.id());
    }

    @Override
    public Outcome apply(VerifiedPayment payment) {
        Optional<Order> known = orders.findByPublicId(payment.orderId());
        if (known.isEmpty()) return unknownOrder(payment.orderId(), payment.reference(), payment.rawStatus());
        return apply(payment, known.get().id());
    }

    private Outcome unknownOrder(PublicOrderId orderId, String reference, String rawStatus) {
        LOG.warning(() -> "payment notification for unknown order " + orderId + " (invoice " + reference + ")");
        notifier.alertAdmins(new AdminAlert(AdminAlert.Kind.UNKNOWN_ORDER_PAID,
                "order " + orderId + ", invoice " + reference + ", status " + rawStatus));
        return Outcome.UNKNOWN_ORDER;
    }

    /** The notification and the gateway tell the same story ("paid" and "paid over" both count as paid). */
    private static boolean agree(PaymentStatus notified, PaymentStatus confirmed) {
        return notified == confirmed || notified.isPaid() && confirmed.isPaid();
    }

    private Outcome apply(VerifiedPayment payment, OrderId orderId) {
        Applied applied = transactions.inTransaction(() -> applyLocked(payment, orders.findForUpdate(orderId).orElseThrow()));
        announce(applied, payment); // only after commit: never announce what may roll back
        return applied.outcome();
    }

    /** The payment applied to its order, whose row lock the caller's transaction holds (Stars join here). */
    Applied applyLocked(VerifiedPayment payment, Order order) {
        PaymentStatus status = payment.status();
        boolean fresh = recorded(payment);
        if (order.status().isPaid() || (!fresh && !status.isPaid())) {
            return new Applied(Outcome.ALREADY_APPLIED, order);
        }
        return switch (status) {
            case PAID, PAID_OVER -> payOrFlag(order, payment.paid(), payment.source().method());
            case WRONG_AMOUNT -> underpaid(order, payment.paid());
            case PENDING -> new Applied(Outcome.PENDING, order);
            case FAILED, REFUNDED -> new Applied(Outcome.NOT_PAID, order);
        };
    }

    /** Tells whoever must know, once the transaction that applied the payment has committed. */
    void announce(Applied applied, VerifiedPayment payment) {
        tellAboutIt(applied, payment.status(), payment.paid());
    }

    /** Keeps the payment on record; false when this very news was recorded before. Grants move no money: no record. */
    private boolean recorded(VerifiedPayment payment) {
        if (payment.source() == VerifiedPayment.Source.GRANT) return true;
        return events.record(new PaymentEvent(payment.reference(), payment.orderId().value(), payment.rawStatus(),
                payment.status(), payment.payload(), clock.instant()));
    }

    private Applied payOrFlag(Order order, Money paid, PaymentMethod via) {
        if (paid == null) paid = order.price(); // the gateway reported paid without an amount: the invoice amount
        boolean gatewayMoney = deposits != null && via == PaymentMethod.CRYPTO;
        Optional<Money> credited = gatewayMoney ? deposits.creditedAsUnderpaid(order) : Optional.empty();
        if (credited.isPresent()) {
            // its earlier part is on the balance already: the order is paid from there, never counted twice
            if (!deposits.settleFromBalance(order, paid, credited.get())) return new Applied(Outcome.ALREADY_APPLIED, order);
            return paid(order.pay(order.price(), clock.instant(), PaymentMethod.BALANCE));
        }
        try {
            Applied applied = paid(order.pay(paid, clock.instant(), via));
            if (gatewayMoney) deposits.surplus(applied.order());
            return applied;
        } catch (PaymentMismatch mismatch) {
            return underpaid(order, paid);
        }
    }

    private Applied paid(Order paidOrder) {
        orders.save(paidOrder);
        jobs.enqueue(paidOrder.id(), clock.instant());
        return new Applied(Outcome.PAID, paidOrder);
    }

    private Applied underpaid(Order order, Money paid) {
        if (order.status() == OrderStatus.UNDERPAID) {
            return new Applied(Outcome.ALREADY_APPLIED, order);
        }
        Order flagged = order.underpaid(paid);
        orders.save(flagged);
        if (deposits != null) deposits.underpaid(flagged, paid);
        notices.record(flagged.id(), OrderNotices.Kind.PAYMENT_TOO_LOW);
        return new Applied(Outcome.PAYMENT_TOO_LOW, flagged);
    }

    private void tellAboutIt(Applied applied, PaymentStatus status, Money paid) {
        Order order = applied.order();
        switch (applied.outcome()) {
            case PAID -> {
                order.overpayment().ifPresent(extra -> LOG.info(() -> "order " + order.publicId() + " overpaid by " + extra));
                fulfilmentSignal.orderPaid(order.id());
            }
            case PAYMENT_TOO_LOW -> {
                notices.sendNow(order.id());
                notifier.alertAdmins(new AdminAlert(AdminAlert.Kind.PAYMENT_TOO_LOW,
                        "order " + order.publicId() + " costs " + order.price() + ", paid " + paid));
            }
            case NOT_PAID -> {
                if (status == PaymentStatus.REFUNDED) {
                    notifier.alertAdmins(new AdminAlert(AdminAlert.Kind.PAYMENT_REFUNDED, "order " + order.publicId() + " was refunded"));
                }
            }
            default -> { }
        }
    }

    record Applied(Outcome outcome, Order order) {}
}
