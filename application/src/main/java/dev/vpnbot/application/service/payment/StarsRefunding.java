package dev.vpnbot.application.service.payment;

import dev.vpnbot.application.model.payment.StarPayment;
import dev.vpnbot.application.port.in.Refusal;
import dev.vpnbot.application.port.in.admin.StarsRefundUseCase;
import dev.vpnbot.application.port.in.payment.ConfirmPaymentUseCase.Outcome;
import dev.vpnbot.application.port.out.Keys;
import dev.vpnbot.application.port.out.Orders;
import dev.vpnbot.application.port.out.Servers;
import dev.vpnbot.application.port.out.StarPayments;
import dev.vpnbot.application.port.out.Transactions;
import dev.vpnbot.application.port.out.Users;
import dev.vpnbot.application.port.out.notify.AdminAlert;
import dev.vpnbot.application.port.out.notify.Notifier;
import dev.vpnbot.application.port.out.notify.Recipient;
import dev.vpnbot.application.port.out.panel.VpnPanel;
import dev.vpnbot.application.port.out.payment.PaymentGatewayException;
import dev.vpnbot.application.port.out.payment.StarsRefunds;
import dev.vpnbot.application.service.admin.Admins;
import dev.vpnbot.domain.key.KeyStatus;
import dev.vpnbot.domain.key.VpnKey;
import dev.vpnbot.domain.order.Order;
import dev.vpnbot.domain.server.Server;
import dev.vpnbot.domain.user.UserId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Stars that go back take back what they bought, once.
 *
 * <p>Rules: the key (or the extension) the payment bought loses exactly the paid duration,
 * never below now; a key with nothing left is disabled. The database changes first, in one
 * transaction with the ledger's REFUNDED mark and a "panel to follow" flag, under the ledger row
 * lock (so a refund reported twice, or by the admin and Telegram at once, applies once); then the
 * panel is set to what the database holds now (absolute values, so repeating is harmless) and the
 * flag cleared. A crash in between leaves the flag: {@link #resumePanel} finishes it. An admin
 * cannot refund a payment whose key is still being delivered (the delivery would give the time
 * anyway); if Telegram reports such a refund, nothing is taken back and admins are told to look.
 */
public final class StarsRefunding implements StarsRefundUseCase {
    private static final Logger LOG = Logger.getLogger(StarsRefunding.class.getName());
    private static final int CARD_ROWS = 20;

    private final StarPayments ledger;
    private final Orders orders;
    private final Keys keys;
    private final Servers servers;
    private final VpnPanel panel;
    private final StarsRefunds refunds;
    private final Users users;
    private final Notifier notifier;
    private final Transactions transactions;
    private final Clock clock;
    private final Admins admins;
    private KeylessOrders keyless = KeylessOrders.NONE;

    public StarsRefunding(StarPayments ledger, Orders orders, Keys keys, Servers servers, VpnPanel panel, StarsRefunds refunds,
                          Users users, Notifier notifier, Transactions transactions, Clock clock, Admins admins) {
        this.ledger = ledger;
        this.orders = orders;
        this.keys = keys;
        this.servers = servers;
        this.panel = panel;
        this.refunds = refunds;
        this.users = users;
        this.notifier = notifier;
        this.transactions = transactions;
        this.clock = clock;
        this.admins = admins;
    }

    /** Orders that buy no key (gifts): their refund voids what they bought instead. */
    public StarsRefunding withKeylessOrders(KeylessOrders orders) {
        this.keyless = java.util.Objects.requireNonNull(orders, "orders");
        return this;
    }

    @Override
    public List<StarPayment> starPayments(UserId admin, UserId user) {
        admins.require(admin);
        return ledger.ofPayer(user, CARD_ROWS);
    }

    /** Telegram first: nothing is taken back unless the stars really went back (an earlier refund counts). */
    @Override
    public StarPayment refund(UserId admin, String chargeId) {
        admins.require(admin);
        StarPayment payment = transactions.inTransaction(() -> ledger.findForUpdate(chargeId))
                .orElseThrow(() -> new Refusal(Refusal.Reason.PAYMENT_NOT_FOUND, "Stars charge " + chargeId));
        if (payment.isRefunded()) return payment;
        if (payment.status() == StarPayment.Status.APPLIED && !orders.find(payment.order()).map(Order::isGranted).orElse(true)
                && !keyless.owns(payment.order())) {
            // the key is still being delivered: refunded now, the delivery would still give the time
            throw new Refusal(Refusal.Reason.ORDER_NOT_PAYABLE, "order " + payment.order() + " is still being delivered; refund it once delivered");
        }
        try {
            refunds.refund(payment.payer(), chargeId);
        } catch (PaymentGatewayException e) {
            throw new Refusal(Refusal.Reason.PAYMENT_GATEWAY_UNAVAILABLE, "Telegram did not refund " + chargeId + ": " + e.getMessage());
        }
        takeBack(chargeId, "admin " + admin.telegramId());
        return transactions.inTransaction(() -> ledger.findForUpdate(chargeId)).orElseThrow();
    }

    /** Telegram's refunded_payment: the same take-back; an unknown charge only alerts the admins. */
    Outcome reportedByTelegram(String chargeId, UserId payer) {
        Outcome outcome = takeBack(chargeId, "Telegram");
        if (outcome == Outcome.UNKNOWN_ORDER) {
            notifier.alertAdmins(new AdminAlert(AdminAlert.Kind.STARS_REFUNDED,
                    "Telegram refunded charge " + chargeId + " of user " + payer.telegramId() + ", which we never recorded"));
        }
        return outcome;
    }

    private Outcome takeBack(String chargeId, String by) {
        Instant now = clock.instant();
        TakenBack taken = transactions.inTransaction(() -> {
            Optional<StarPayment> found = ledger.findForUpdate(chargeId);
            if (found.isEmpty()) return null;
            StarPayment payment = found.get();
            if (payment.isRefunded()) return new TakenBack(payment, null, true);
            Optional<Order> order = payment.status() == StarPayment.Status.APPLIED ? orders.findForUpdate(payment.order()) : Optional.empty();
            if (order.isEmpty() || !order.get().isGranted()) {
                order.ifPresent(o -> keyless.refunded(o.id()));
                StarPayment refunded = payment.refunded(now, false);
                ledger.save(refunded);
                return new TakenBack(refunded, null, false);
            }
            VpnKey key = keys.findForUpdate(order.get().keyId()).orElseThrow();
            VpnKey shortened = shortened(key, order.get(), now);
            keys.save(shortened);
            StarPayment refunded = payment.refunded(now, true);
            ledger.save(refunded);
            return new TakenBack(refunded, shortened, false);
        });
        if (taken == null) return Outcome.UNKNOWN_ORDER;
        if (taken.repeat()) return Outcome.ALREADY_APPLIED;
        if (taken.key() != null) syncPanel(taken.payment());
        announce(taken, by);
        return Outcome.NOT_PAID;
    }

    /** Exactly the paid duration comes off, never below now; nothing left: disabled. */
    static VpnKey shortened(VpnKey key, Order order, Instant now) {
        Instant cut = key.expiresAt().minus(order.tariff().duration());
        if (cut.isAfter(now)) return key.withExpiry(cut);
        return key.withExpiry(now).withStatus(KeyStatus.DISABLED);
    }

    /** Refunds whose panel step did not finish (a crash, a panel away): the panel gets what the database holds now. */
    public int resumePanel() {
        List<StarPayment> pending;
        try {
            pending = ledger.panelPending(CARD_ROWS);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "refunds waiting for their panel step could not be read; next round", e);
            return 0;
        }
        int done = 0;
        for (StarPayment payment : pending) {
            if (syncPanel(payment)) done++;
        }
        return done;
    }

    private boolean syncPanel(StarPayment payment) {
        try {
            Order order = orders.find(payment.order()).orElseThrow();
            VpnKey key = keys.find(order.keyId()).orElseThrow(); // read again: a renewal since then counts too
            Server server = servers.find(key.serverId()).orElseThrow();
            panel.setExpiry(server, key.client(), key.expiresAt());
            if (key.status() == KeyStatus.DISABLED) panel.setEnabled(server, key.client(), false);
            transactions.run(() -> ledger.findForUpdate(payment.chargeId()).ifPresent(p -> ledger.save(p.panelDone())));
            return true;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "refund of charge " + payment.chargeId() + ": the panel will follow later", e);
            return false;
        }
    }

    private void announce(TakenBack taken, String by) {
        StarPayment p = taken.payment();
        String what = taken.key() == null
                ? (p.order() == null ? "it had paid nothing" : "order " + p.order() + " had not been delivered yet: check it")
                : "key " + taken.key().id() + " now " + (taken.key().status() == KeyStatus.DISABLED ? "disabled" : "until " + taken.key().expiresAt());
        notifier.alertAdmins(new AdminAlert(AdminAlert.Kind.STARS_REFUNDED,
                p.stars() + " of user " + p.payer().telegramId() + " refunded by " + by + " (charge " + p.chargeId() + "): " + what));
        notifier.starsPaymentNews(Recipient.of(p.payer(), users.find(p.payer())), p,
                taken.key() == null || taken.key().status() == KeyStatus.DISABLED ? null : taken.key().expiresAt());
    }

    private record TakenBack(StarPayment payment, VpnKey key, boolean repeat) {}
}
