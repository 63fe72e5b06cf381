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
import dev.vpnbot.application.port.out.TariffLimitBook;
import dev.vpnbot.application.service.ordering.TrafficPackRules;
import dev.vpnbot.domain.tariff.TariffLimits;
import dev.vpnbot.application.port.out.Transactions;
import dev.vpnbot.application.port.out.notify.Notifier;
import dev.vpnbot.application.port.out.panel.PanelException;
import dev.vpnbot.application.port.out.panel.VpnPanel;
import dev.vpnbot.domain.key.KeyId;
import dev.vpnbot.domain.key.KeyLinks;
import dev.vpnbot.domain.key.PanelClientId;
import dev.vpnbot.domain.key.VpnKey;
import dev.vpnbot.domain.order.Order;
import dev.vpnbot.domain.order.OrderId;
import dev.vpnbot.domain.order.OrderPurpose;
import dev.vpnbot.domain.order.OrderStatus;
import dev.vpnbot.domain.key.Placement;
import dev.vpnbot.domain.server.ServerId;
import dev.vpnbot.application.port.out.Placements;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Delivers paid orders in three steps, each safe to repeat:
 * <ol>
 *   <li><b>grant</b> (one transaction): a new key is reserved with its panel identity and expiry,
 *       and its locations written down as pending placements (one, or each server of the tariff's
 *       group), or an existing key's expiry is extended; the order records what it granted, once;</li>
 *   <li><b>panel</b>: the client is created on each pending location (idempotent), or its expiry
 *       set on every active location to the key's expiry in our database (absolute, so repeating
 *       it is harmless);</li>
 *   <li><b>finish</b> (one transaction): the key becomes active on the locations that worked, the
 *       order fulfilled, and the buyer's one notice (key ready or extended) is put in the outbox.</li>
 * </ol>
 * A crash between any two steps leaves a state from which calling again completes the order.
 *
 * <p>Partial failure rule: a new key is delivered when at least one location worked; the others
 * stay pending and {@link PlacementSweep} creates them later, without telling the buyer again. A
 * renewal is finished only when every active location's panel holds the new expiry.
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
    private final Placements placements;
    private final KeyPlacing placing;
    /** each tariff's device and traffic limits; null: the shop's defaults */
    private final TariffLimitBook limitBook;
    /** traffic packs; null: every renewal adds days */
    private TrafficPackGrant packs;

    /**
     * @param placements each key's locations
     * @param placing    puts a key's client on its locations' panels (the same panel as {@code panel})
     */
    public OrderFulfilment(Orders orders, Keys keys, Servers servers, VpnPanel panel, Notifier notifier,
                           OrderNoticeRelay notices, Transactions transactions, Clock clock, PurchaseSettings settings, Nonces nonces,
                           Placements placements, KeyPlacing placing) {
        this(orders, keys, servers, panel, notifier, notices, transactions, clock, settings, nonces, placements, placing, null);
    }

    /**
     * With per-tariff limits: a new key's client gets its tariff's device limit and quota (or the
     * shop's defaults), and a renewal puts them on every panel again (see {@link KeyPlacing#extend}).
     */
    public OrderFulfilment(Orders orders, Keys keys, Servers servers, VpnPanel panel, Notifier notifier,
                           OrderNoticeRelay notices, Transactions transactions, Clock clock, PurchaseSettings settings, Nonces nonces,
                           Placements placements, KeyPlacing placing, TariffLimitBook limitBook) {
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
        this.placements = placements;
        this.placing = placing;
        this.limitBook = limitBook;
    }

    /** With traffic packs: a renewal order whose tariff is a pack adds its GB to the key instead of days. */
    public OrderFulfilment withTrafficPacks(TrafficPackRules rules) {
        this.packs = new TrafficPackGrant(rules);
        return this;
    }

    @Override
    public Result fulfil(OrderId orderId) {
        Order order = transactions.inTransaction(() -> grant(orderId));
        if (order.status() == OrderStatus.FULFILLED) return Result.ALREADY_FULFILLED;
        if (order.status() != OrderStatus.PAID) return Result.NOT_PAID;

        VpnKey key = keys.find(order.keyId()).orElseThrow();
        TariffLimits limits = limitBook == null ? TariffLimits.NONE : limitBook.limitsOf(order.tariff().tariffId());
        Order finished;
        if (packs != null && packs.isPack(order)) {
            packs.raise(placing, key);
            finished = transactions.inTransaction(() -> finish(orderId, new KeyPlacing.Outcome(List.of(), List.of())));
        } else if (key.links() != null) {
            List<KeyPlacing.Created> recreated = placing.extend(key, limits);
            catchUpWithConcurrentRenewals(key);
            finished = transactions.inTransaction(() -> finish(orderId, new KeyPlacing.Outcome(recreated, List.of())));
        } else {
            KeyPlacing.Outcome outcome = placing.create(key, placements.of(key.id()).stream().filter(Placement::isPending).toList(), limits);
            if (outcome.created().isEmpty()) throw firstFailure(key, outcome);
            catchUpWithConcurrentRenewals(key);
            finished = transactions.inTransaction(() -> finish(orderId, outcome));
            Instant now = clock.instant();
            for (KeyPlacing.Failed failed : outcome.failed()) placing.failed(key, failed, now, 0);
        }
        if (finished == null) return Result.ALREADY_FULFILLED;
        notices.sendNow(orderId);
        return Result.FULFILLED;
    }

    /** Not one location worked: the job is retried as a whole (nothing was delivered). */
    private static RuntimeException firstFailure(VpnKey key, KeyPlacing.Outcome outcome) {
        if (outcome.failed().isEmpty()) {
            return new PanelException(PanelFault.INBOUND_NOT_FOUND, "key " + key.id() + " has no location to be put on");
        }
        return outcome.failed().get(0).cause();
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
            int packGb = packs == null ? 0 : packs.packSizeOf(order);
            if (packGb > 0) { // a traffic pack: GB, and no days
                packs.granted(order, key.id(), packGb, now);
                Order packed = order.grant(key.id(), key.expiresAt());
                orders.save(packed);
                return packed;
            }
            if (packs != null) packs.renewed(key.id());
            VpnKey extended = key.extend(order.tariff().duration(), now);
            keys.save(extended);
            placing.ensureHome(extended, now);
            granted = order.grant(key.id(), extended.expiresAt());
        } else {
            OrderPurpose.NewKey newKey = (OrderPurpose.NewKey) order.purpose();
            KeyId keyId = keys.nextId();
            List<ServerId> locations = placing.locationsFor(order.tariff().tariffId(), newKey.serverId());
            VpnKey key = VpnKey.reserve(keyId, order.userId(), locations.get(0), newClientIdentity(order, keyId),
                    order.tariff().duration(), now);
            keys.save(key);
            placing.plan(key, locations, placing.groupOf(order.tariff().tariffId()), now);
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

    /**
     * Another renewal of the same key may have moved its expiry after we read it, and its panel
     * write may have landed before ours: make sure the panel ends on the latest expiry.
     */
    private void catchUpWithConcurrentRenewals(VpnKey sent) {
        VpnKey written = sent;
        for (int round = 0; round < 3; round++) {
            VpnKey latest = keys.find(sent.id()).orElseThrow();
            if (latest.expiresAt().equals(written.expiresAt())) return;
            placing.setExpiryEverywhere(latest);
            written = latest;
        }
    }

    /**
     * Step 3: the key is live on the locations that worked and the order done. A new key's home is
     * the first location that worked; the ones that failed stay pending for the placement sweep.
     * Returns null if another worker finished first.
     */
    private Order finish(OrderId orderId, KeyPlacing.Outcome outcome) {
        Order order = orders.findForUpdate(orderId).orElseThrow();
        if (order.status() == OrderStatus.FULFILLED) return null;
        VpnKey key = keys.findForUpdate(order.keyId()).orElseThrow();
        for (KeyPlacing.Created created : outcome.created()) {
            placements.find(key.id(), created.server()).ifPresent(p -> placements.save(p.activated(created.links())));
        }
        keys.save(live(key, outcome));
        Order fulfilled = order.fulfil(clock.instant());
        orders.save(fulfilled);
        notices.record(orderId, fulfilled.isRenewal() ? OrderNotices.Kind.KEY_EXTENDED : OrderNotices.Kind.KEY_READY);
        return fulfilled;
    }

    private static VpnKey live(VpnKey key, KeyPlacing.Outcome outcome) {
        KeyLinks home = outcome.created().stream().filter(c -> c.server().equals(key.serverId()))
                .map(KeyPlacing.Created::links).findFirst().orElse(null);
        if (home != null) return key.activated(home);
        if (key.links() != null) return key.activated(key.links());
        KeyPlacing.Created first = outcome.created().get(0); // the home failed: the first location that worked becomes it
        return key.rehomed(first.server(), first.links());
    }
}
