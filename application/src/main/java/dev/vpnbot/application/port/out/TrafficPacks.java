package dev.vpnbot.application.port.out;

import dev.vpnbot.domain.key.KeyId;
import dev.vpnbot.domain.order.OrderId;
import dev.vpnbot.domain.tariff.TariffId;
import java.time.Instant;
import java.util.Set;

/**
 * Store: traffic packs. A tariff whose pack size is above 0 GB is a pack: buying it adds that many
 * GB to a key's quota and no days. The packs a key got since its latest renewal are kept, so the
 * quota put on its panels is always absolute (its tariff's plus their sum) and safe to repeat.
 */
public interface TrafficPacks {
    int MAX_GB = 1_000_000;

    /** GB the tariff adds as a pack; 0 when it is no pack (or gone). */
    int packGb(TariffId tariff);

    /** Makes the tariff a pack of {@code gb} GB, or no pack with 0; false when there is no such tariff. */
    boolean setPackGb(TariffId tariff, int gb);

    /** The tariffs that are packs. */
    Set<TariffId> packs();

    /** Records the pack an order added to a key; once per order (a repeat changes nothing). */
    void granted(OrderId order, KeyId key, int gb, Instant at);

    /** GB the order added as a pack; 0 for an order that was no pack. */
    int grantedBy(OrderId order);

    /** GB of the packs the key got since its latest renewal. */
    int extraGb(KeyId key);

    /** A renewal starts a new period: the key's packs no longer count. */
    void periodRestarted(KeyId key);
}
