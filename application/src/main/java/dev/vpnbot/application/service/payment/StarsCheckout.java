package dev.vpnbot.application.service.payment;

import dev.vpnbot.application.model.payment.StarPayment;
import dev.vpnbot.application.model.payment.StarPayment.Problem;
import dev.vpnbot.application.port.in.Refusal;
import dev.vpnbot.application.port.in.payment.ConfirmPaymentUseCase.Outcome;
import dev.vpnbot.application.port.in.payment.PayWithStarsUseCase;
import dev.vpnbot.application.port.in.payment.VerifiedPayment;
import dev.vpnbot.application.port.out.Orders;
import dev.vpnbot.application.port.out.StarPayments;
import dev.vpnbot.application.port.out.Transactions;
import dev.vpnbot.application.port.out.Users;
import dev.vpnbot.application.port.out.notify.AdminAlert;
import dev.vpnbot.application.port.out.notify.Notifier;
import dev.vpnbot.application.port.out.notify.Recipient;
import dev.vpnbot.domain.money.Stars;
import dev.vpnbot.domain.order.Order;
import dev.vpnbot.domain.order.OrderId;
import dev.vpnbot.domain.order.OrderStatus;
import dev.vpnbot.domain.order.PublicOrderId;
import dev.vpnbot.domain.user.UserId;
import java.time.Clock;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Telegram Stars as a way to pay, on the one payment path.
 *
 * <p>Rules: the Stars price is the one fixed on the order when it was placed. Telegram's
 * successful_payment is applied once per {@code telegram_payment_charge_id}: the ledger row, the
 * payment event, the order's move to PAID and its fulfilment job are written in one transaction
 * under the order's row lock ({@link PaymentConfirmation#applyLocked}). Stars that pay no order
 * (unknown payload, another user's order, a cancelled, expired or already paid order, a wrong
 * amount) deliver nothing: they are recorded against the payer as HELD, admins are alerted, and
 * an admin grants or refunds from the user card. Unlike crypto, a cancelled or expired order is
 * not paid late by Stars: the buyer declined it, and Stars can be given back.
 */
public final class StarsCheckout implements PayWithStarsUseCase {
    private static final Logger LOG = Logger.getLogger(StarsCheckout.class.getName());
    private static final int PAID_ORDERS_LOOKED_AT = 50;

    private final Orders orders;
    private final Users users;
    private final StarPayments ledger;
    private final PaymentConfirmation confirmation;
    private final StarsRefunding refunding;
    private final Notifier notifier;
    private final Transactions transactions;
    private final Clock clock;
    private final StarsSettings settings;

    public StarsCheckout(Orders orders, Users users, StarPayments ledger, PaymentConfirmation confirmation, StarsRefunding refunding,
                         Notifier notifier, Transactions transactions, Clock clock, StarsSettings settings) {
        this.orders = orders;
        this.users = users;
        this.ledger = ledger;
        this.confirmation = confirmation;
        this.refunding = refunding;
        this.notifier = notifier;
        this.transactions = transactions;
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    public boolean offered(UserId user, OrderId orderId) {
        return orders.find(orderId).filter(o -> o.userId().equals(user)).map(o -> offeredFor(user, o)).orElse(false);
    }

    private boolean offeredFor(UserId user, Order order) {
        if (!settings.enabled() || order.starsPrice().isEmpty()) return false;
        return !settings.onlyForPayingUsers() || hasPaidWithMoney(user);
    }

    /** A paid order of the user's whose money was real (crypto, Stars, or paid before methods were recorded). */
    private boolean hasPaidWithMoney(UserId user) {
        return orders.ofUser(user, PAID_ORDERS_LOOKED_AT).stream()
                .anyMatch(o -> o.status().isPaid() && (o.paidVia() == null || o.paidVia().bringsRevenue()));
    }

    @Override
    public StarsInvoice invoice(UserId user, OrderId orderId) {
        Order order = orders.find(orderId).filter(o -> o.userId().equals(user))
                .orElseThrow(() -> new Refusal(Refusal.Reason.ORDER_NOT_FOUND, "order " + orderId + " of " + user));
        if (!payable(order)) throw new Refusal(Refusal.Reason.ORDER_NOT_PAYABLE, "order " + orderId + " is " + order.status());
        if (!offeredFor(user, order)) throw new Refusal(Refusal.Reason.STARS_NOT_OFFERED, "order " + orderId);
        return new StarsInvoice(order.id(), order.publicId(), order.starsPrice().orElseThrow(), order.tariff().days());
    }

    @Override
    public Optional<Decline> preCheckout(Checkout checkout) {
        Optional<Order> order = find(checkout.payload());
        if (order.isEmpty() || !order.get().userId().equals(checkout.payer())) return Optional.of(Decline.ORDER_NOT_FOUND);
        if (!payable(order.get()) || order.get().starsPrice().isEmpty()) return Optional.of(Decline.ORDER_NOT_PAYABLE);
        if (!Stars.CURRENCY.equals(checkout.currency()) || checkout.amount() != order.get().starsPrice().get().count()) {
            return Optional.of(Decline.WRONG_AMOUNT);
        }
        return Optional.empty();
    }

    @Override
    public Outcome paid(Charge charge) {
        Stars stars = starsOf(charge);
        Result result = transactions.inTransaction(() -> {
            Optional<Order> order = find(charge.payload()).flatMap(o -> orders.findForUpdate(o.id()));
            Problem problem = problem(order, charge, stars);
            OrderId orderId = order.map(Order::id).orElse(null);
            StarPayment entry = problem == null
                    ? StarPayment.applied(charge.chargeId(), charge.payer(), charge.payload(), orderId, stars, clock.instant())
                    : StarPayment.held(charge.chargeId(), charge.payer(), charge.payload(), orderId, stars, problem, clock.instant());
            if (!ledger.record(entry)) return new Result(Outcome.ALREADY_APPLIED, entry, null, null);
            if (problem != null) return new Result(Outcome.HELD_FOR_ADMIN, entry, null, null);
            VerifiedPayment payment = VerifiedPayment.paidInStars(order.get().publicId(), charge.chargeId(), order.get().price(), charge.raw());
            PaymentConfirmation.Applied applied = confirmation.applyLocked(payment, order.get());
            return new Result(applied.outcome(), entry, applied, payment);
        });
        if (result.applied() != null) confirmation.announce(result.applied(), result.payment());
        if (result.outcome() == Outcome.HELD_FOR_ADMIN) held(result.entry());
        return result.outcome();
    }

    @Override
    public Outcome refunded(Charge charge) {
        return refunding.reportedByTelegram(charge.chargeId(), charge.payer());
    }

    private void held(StarPayment entry) {
        LOG.warning(() -> "Stars charge " + entry.chargeId() + " of user " + entry.payer() + " held: " + entry.problem());
        notifier.alertAdmins(new AdminAlert(AdminAlert.Kind.STARS_PAYMENT_HELD, entry.stars() + " from user "
                + entry.payer().telegramId() + " (" + entry.problem() + ", payload '" + entry.payload() + "', charge "
                + entry.chargeId() + "): grant or refund from the user card"));
        notifier.starsPaymentNews(Recipient.of(entry.payer(), users.find(entry.payer())), entry, null);
    }

    /** Stars cannot pay a late order: unlike a blockchain transfer, Telegram asked first and the buyer may be refunded. */
    private static boolean payable(Order order) {
        return order.status() == OrderStatus.CREATED || order.status() == OrderStatus.AWAITING_PAYMENT
                || order.status() == OrderStatus.UNDERPAID;
    }

    private static Problem problem(Optional<Order> order, Charge charge, Stars stars) {
        if (order.isEmpty()) return Problem.NO_ORDER;
        if (!order.get().userId().equals(charge.payer())) return Problem.NOT_YOURS;
        if (!payable(order.get()) || order.get().starsPrice().isEmpty()) return Problem.NOT_PAYABLE;
        if (!Stars.CURRENCY.equals(charge.currency()) || !order.get().starsPrice().get().equals(stars)) return Problem.WRONG_AMOUNT;
        return null;
    }

    /** What arrived, as stars; another currency counts as none (and is then a wrong amount). */
    private static Stars starsOf(Charge charge) {
        boolean stars = Stars.CURRENCY.equals(charge.currency()) && charge.amount() >= 0 && charge.amount() <= Stars.MAX;
        return new Stars(stars ? charge.amount() : 0);
    }

    private Optional<Order> find(String payload) {
        try {
            return orders.findByPublicId(new PublicOrderId(payload));
        } catch (IllegalArgumentException notAnOrderId) {
            return Optional.empty();
        }
    }

    private record Result(Outcome outcome, StarPayment entry, PaymentConfirmation.Applied applied, VerifiedPayment payment) {}
}
