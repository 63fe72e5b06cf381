package dev.vpnbot.application.service.fulfilment;

import dev.vpnbot.application.model.panel.PanelFault;
import dev.vpnbot.application.service.ordering.Nonces;
import dev.vpnbot.application.service.ordering.ClientLimits;
import dev.vpnbot.application.service.ordering.PurchaseSettings;
import dev.vpnbot.application.port.in.fulfilment.FulfilOrderUseCase;
import dev.vpnbot.application.port.out.Keys;
import dev.vpnbot.application.port.out.OrderNotices;
import dev.vpnbot.application.port.out.Orders;
import dev.vpnbot.application.port.out.Servers;
import dev.vpnbot.application.port.out.Transactions;
import dev.vpnbot.application.port.out.notify.AdminAlert;
import dev.vpnbot.application.port.out.notify.Notifier;
import dev.vpnbot.application.port.out.panel.NewPanelClient;
import dev.vpnbot.application.port.out.panel.PanelException;
import dev.vpnbot.application.model.panel.PanelRepair;
import dev.vpnbot.application.port.out.panel.VpnPanel;
import dev.vpnbot.domain.key.KeyId;
import dev.vpnbot.domain.key.KeyLinks;
import dev.vpnbot.domain.key.PanelClientId;
import dev.vpnbot.domain.key.VpnKey;
import dev.vpnbot.domain.order.Order;
import dev.vpnbot.domain.order.OrderId;
import dev.vpnbot.domain.order.OrderPurpose;
import dev.vpnbot.domain.order.OrderStatus;
import dev.vpnbot.domain.server.Server;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Delivers paid orders in three steps, each safe to repeat:
 * <ol>
 *   <li><b>grant</b> (one transaction): a new key is reserved with its panel identity and expiry,
 *       or an existing key's expiry is extended; the order records what it granted, once;</li>
 *   <li><b>panel</b>: the client is created (idempotent) or its expiry set to the key's expiry in
 *       our database (an absolute value, so repeating it is harmless);</li>
 *   <li><b>finish</b> (one transaction): the key becomes active with its links, the order fulfilled,
 *       and the buyer's notice (key ready or extended) is put in the outbox.</li>
 * </ol>
 * A crash between any two steps leaves a state from which calling again completes the order.
 *
 * <p>Renewal rule: a key is renewed on its own server, even when that server is switched off
 * for new sales; if its panel cannot be reached the job is retried and admins are told by
 * the worker. A client that was deleted from the panel after expiry is created again with the
 * same UUID and subId, so the user's existing link keeps working.
 */
public final class OrderFulfilment implements FulfilOrderUseCase {
    private final Orders orders;
    private final Keys keys;
    private final Servers servers;
    private final VpnPanel panel;
    private final Notifier notifier;
    private final OrderNoticeRelay notices;
    private final Transactions transactions;
    private final Clock clock;
    private final PurchaseSettings settings;
    private final Nonces nonces;
    private final ClientLimits limits;

    public OrderFulfilment(Orders orders, Keys keys, Servers servers, VpnPanel panel, Notifier notifier,
                           OrderNoticeRelay notices, Transactions transactions, Clock clock, PurchaseSettings settings, Nonces nonces) {
        this(orders, keys, servers, panel, notifier, notices, transactions, clock, settings, nonces, ClientLimits.paidOnly(settings));
    }

    /** @param limits the panel limits per key (trial keys have their own) */
    public OrderFulfilment(Orders orders, Keys keys, Servers servers, VpnPanel panel, Notifier notifier, OrderNoticeRelay notices,
                           Transactions transactions, Clock clock, PurchaseSettings settings, Nonces nonces, ClientLimits limits) {
        this.limits = limits;
        this.orders = orders;
        this.keys = keys;
        this.servers = servers;
        this.panel = panel;
        this.notifier = notifier;
        this.notices = notices;
        this.transactions = transactions;
        this.clock = clock;
        this.settings = settings;
        this.nonces = nonces;
    }

    @Override
    public Result fulfil(OrderId orderId) {
        Order order = transactions.inTransaction(() -> grant(orderId));
        if (order.status() == OrderStatus.FULFILLED) return Result.ALREADY_FULFILLED;
        if (order.status() != OrderStatus.PAID) return Result.NOT_PAID;

        VpnKey key = keys.find(order.keyId()).orElseThrow();
        Server server = servers.find(key.serverId()).orElseThrow(
                () -> new PanelException(PanelFault.INBOUND_NOT_FOUND, "server " + key.serverId() + " no longer exists"));
        KeyLinks links = putOnPanel(server, key);
        catchUpWithConcurrentRenewals(server, key);

        Order finished = transactions.inTransaction(() -> finish(orderId, links));
        if (finished == null) return Result.ALREADY_FULFILLED;
        notices.sendNow(orderId);
        return Result.FULFILLED;
    }

    /** Step 1: write down, once, which key this order gives time to and until when. */
    private Order grant(OrderId orderId) {
        Order order = orders.findForUpdate(orderId).orElseThrow(() -> new IllegalArgumentException("no order " + orderId));
        if (order.status() != OrderStatus.PAID || order.isGranted()) return order;
        Instant now = clock.instant();
        Order granted;
        if (order.purpose() instanceof OrderPurpose.Renewal renewal) {
            VpnKey key = keys.findForUpdate(renewal.keyId()).orElseThrow(
                    () -> new IllegalStateException("order " + order.publicId() + " renews missing key " + renewal.keyId()));
            VpnKey extended = key.extend(order.tariff().duration(), now);
            keys.save(extended);
            granted = order.grant(key.id(), extended.expiresAt());
        } else {
            OrderPurpose.NewKey newKey = (OrderPurpose.NewKey) order.purpose();
            KeyId keyId = keys.nextId();
            VpnKey key = VpnKey.reserve(keyId, order.userId(), newKey.serverId(), newClientIdentity(order, keyId),
                    order.tariff().duration(), now);
            keys.save(key);
            granted = order.grant(keyId, key.expiresAt());
        }
        orders.save(granted);
        return granted;
    }

    /**
     * Email and subId are derived from our ids, so they are unique across the panel and a
     * retried creation sends the very same client.
     */
    private PanelClientId newClientIdentity(Order order, KeyId keyId) {
        return new PanelClientId(UUID.randomUUID(), "vpnbot-k" + keyId.value() + "-u" + order.userId().telegramId(),
                "k" + keyId.value() + nonces.next());
    }

    /** Step 2: make the panel agree with our database, and return the links. */
    private KeyLinks putOnPanel(Server server, VpnKey key) {
        if (key.links() == null) {
            return created(server, key);
        }
        try {
            panel.setExpiry(server, key.client(), key.expiresAt());
            return key.links();
        } catch (PanelException e) {
            if (e.kind() != PanelFault.CLIENT_NOT_FOUND) throw e;
            // deleted on the panel after it expired: bring it back under the same identity
            return created(server, key);
        }
    }

    /**
     * The client as our database describes it; an earlier attempt's client is adopted. Copies
     * of it (left by a retried add on 3x-ui v3.0–v3.4) are removed, and admins are told.
     */
    private KeyLinks created(Server server, VpnKey key) {
        PanelRepair repair = panel.repairClient(server, newClient(key));
        if (repair.fixes().contains(PanelRepair.Fix.DUPLICATES_REMOVED)) {
            notifier.alertAdmins(new AdminAlert(AdminAlert.Kind.PANEL_DRIFT_REPAIRED, "server " + server.name()
                    + ": the panel held more than one copy of client " + key.client().email() + " (key " + key.id().value()
                    + "); the extra copies were removed and the client set to the paid expiry " + key.expiresAt()));
        }
        return repair.links();
    }

    /**
     * Another renewal of the same key may have moved its expiry after we read it, and its panel
     * write may have landed before ours: make sure the panel ends on the latest expiry.
     */
    private void catchUpWithConcurrentRenewals(Server server, VpnKey sent) {
        VpnKey written = sent;
        for (int round = 0; round < 3; round++) {
            VpnKey latest = keys.find(sent.id()).orElseThrow();
            if (latest.expiresAt().equals(written.expiresAt())) return;
            panel.setExpiry(server, latest.client(), latest.expiresAt());
            written = latest;
        }
    }

    private NewPanelClient newClient(VpnKey key) {
        return limits.client(key.client(), key);
    }

    /** Step 3: the key is live and the order done. Returns null if another worker finished first. */
    private Order finish(OrderId orderId, KeyLinks links) {
        Order order = orders.findForUpdate(orderId).orElseThrow();
        if (order.status() == OrderStatus.FULFILLED) return null;
        VpnKey key = keys.findForUpdate(order.keyId()).orElseThrow();
        keys.save(key.activated(links));
        Order fulfilled = order.fulfil(clock.instant());
        orders.save(fulfilled);
        notices.record(orderId, fulfilled.isRenewal() ? OrderNotices.Kind.KEY_EXTENDED : OrderNotices.Kind.KEY_READY);
        return fulfilled;
    }
}
