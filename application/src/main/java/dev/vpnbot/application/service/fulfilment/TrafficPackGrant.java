package dev.vpnbot.application.service.fulfilment;

import dev.vpnbot.application.port.out.TrafficPacks;
import dev.vpnbot.application.service.ordering.TrafficPackRules;
import dev.vpnbot.domain.key.KeyId;
import dev.vpnbot.domain.key.VpnKey;
import dev.vpnbot.domain.order.Order;
import java.time.Instant;


/**
 * The fulfilment of a traffic pack: a renewal order whose tariff is a pack adds GB, not days.
 * Grant writes the pack down (once, in the grant's transaction); the panel step puts the key's
 * tariff quota plus every pack it got since its latest renewal on each of its locations.
 */
final class TrafficPackGrant {
    private final TrafficPacks packs;
    private final TrafficPackRules rules;

    TrafficPackGrant(TrafficPackRules rules) {
        this.packs = rules.packs();
        this.rules = rules;
    }

    /** GB the order's tariff adds as a pack now; 0: an ordinary renewal. */
    int packSizeOf(Order order) {
        return packs.packGb(order.tariff().tariffId());
    }

    void granted(Order order, KeyId key, int gb, Instant now) {
        packs.granted(order.id(), key, gb, now);
    }

    /** An ordinary renewal: a new period, in which earlier packs no longer count. */
    void renewed(KeyId key) {
        packs.periodRestarted(key);
    }

    /** The order added GB (as written down at its grant, whatever the tariff is now). */
    boolean isPack(Order order) {
        return packs.grantedBy(order.id()) > 0;
    }

    /** Puts the key's quota with its packs on every location. */
    void raise(KeyPlacing placing, VpnKey key) {
        placing.raiseQuota(key, rules.baseLimits(key), packs.extraGb(key.id()));
    }
}
