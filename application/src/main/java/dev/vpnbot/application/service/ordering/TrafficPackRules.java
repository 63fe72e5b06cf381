package dev.vpnbot.application.service.ordering;

import dev.vpnbot.application.port.in.Refusal;
import dev.vpnbot.application.port.out.Orders;
import dev.vpnbot.application.port.out.TariffLimitBook;
import dev.vpnbot.application.port.out.TrafficPacks;
import dev.vpnbot.domain.key.KeyId;
import dev.vpnbot.domain.key.VpnKey;
import dev.vpnbot.domain.order.OrderStatus;
import dev.vpnbot.domain.tariff.TariffId;
import dev.vpnbot.domain.tariff.TariffLimits;
import dev.vpnbot.domain.user.UserId;
import java.time.Instant;
import java.util.Optional;

/**
 * Traffic packs' rules: a pack is never a new key; it is sold for a key in its paid time that has
 * a traffic limit (its tariff's or the shop's). A key's own tariff is the one of its latest
 * fulfilled order that added days (not a pack).
 */
public final class TrafficPackRules {
    /** how far back a buyer's orders are searched for the key's own tariff */
    private static final int ORDERS_LOOKED_AT = 200;

    private final TrafficPacks packs;
    private final TariffLimitBook limitBook;
    private final Orders orders;
    private final PurchaseSettings settings;

    /** @param limitBook the tariffs' limits; null: the shop's defaults for every key */
    public TrafficPackRules(TrafficPacks packs, TariffLimitBook limitBook, Orders orders, PurchaseSettings settings) {
        this.packs = packs;
        this.limitBook = limitBook;
        this.orders = orders;
        this.settings = settings;
    }

    public TrafficPacks packs() {
        return packs;
    }

    public boolean isPack(TariffId tariff) {
        return packs.packGb(tariff) > 0;
    }

    /** Refuses a pack for a key that cannot take one. */
    public void requireSellable(VpnKey key, Instant now) {
        if (key.isExpired(now)) {
            throw new Refusal(Refusal.Reason.TRAFFIC_PACK_KEY_EXPIRED, "key " + key.id() + " expired at " + key.expiresAt());
        }
        if (baseLimits(key).totalBytesOr(settings.totalBytes()) == 0) {
            throw new Refusal(Refusal.Reason.TRAFFIC_PACK_NEEDS_LIMIT, "key " + key.id() + " has no traffic limit");
        }
    }

    /** The limits of the key's own tariff ({@link TariffLimits#NONE}: the shop's defaults). */
    public TariffLimits baseLimits(VpnKey key) {
        if (limitBook == null) return TariffLimits.NONE;
        return baseTariff(key.owner(), key.id()).map(limitBook::limitsOf).orElse(TariffLimits.NONE);
    }

    private Optional<TariffId> baseTariff(UserId owner, KeyId key) {
        return orders.ofUser(owner, ORDERS_LOOKED_AT).stream()
                .filter(o -> key.equals(o.keyId()) && o.status() == OrderStatus.FULFILLED)
                .filter(o -> packs.grantedBy(o.id()) == 0)
                .map(o -> o.tariff().tariffId())
                .findFirst();
    }
}
