package dev.vpnbot.adapter.postgres;

import dev.vpnbot.application.port.out.TrafficPacks;
import dev.vpnbot.domain.key.KeyId;
import dev.vpnbot.domain.order.OrderId;
import dev.vpnbot.domain.tariff.TariffId;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/** Persistence adapter: {@code tariffs.traffic_pack_gb} and {@code key_traffic_packs} (V20). */
final class PostgresTrafficPacks implements TrafficPacks {
    private final Database db;

    PostgresTrafficPacks(Database db) {
        this.db = db;
    }

    @Override
    public int packGb(TariffId tariff) {
        return db.withHandle(h -> h.createQuery("SELECT traffic_pack_gb FROM tariffs WHERE id = :id")
                .bind("id", tariff.value()).mapTo(Integer.class).findOne().orElse(0));
    }

    @Override
    public boolean setPackGb(TariffId tariff, int gb) {
        if (gb < 0 || gb > MAX_GB) throw new IllegalArgumentException("a pack is 0.." + MAX_GB + " GB, got " + gb);
        return db.withHandle(h -> h.createUpdate("UPDATE tariffs SET traffic_pack_gb = :gb WHERE id = :id")
                .bind("id", tariff.value()).bind("gb", gb).execute()) == 1;
    }

    @Override
    public Set<TariffId> packs() {
        return db.withHandle(h -> h.createQuery("SELECT id FROM tariffs WHERE traffic_pack_gb > 0")
                .map((rs, ctx) -> new TariffId(rs.getLong("id"))).collect(java.util.stream.Collectors.toCollection(HashSet::new)));
    }

    @Override
    public void granted(OrderId order, KeyId key, int gb, Instant at) {
        db.withHandle(h -> h.createUpdate("""
                        INSERT INTO key_traffic_packs (order_id, key_id, gb, granted_at) VALUES (:order, :key, :gb, :at)
                        ON CONFLICT (order_id) DO NOTHING""")
                .bind("order", order.value()).bind("key", key.value()).bind("gb", gb).bindByType("at", at, Instant.class).execute());
    }

    @Override
    public int grantedBy(OrderId order) {
        return db.withHandle(h -> h.createQuery("SELECT gb FROM key_traffic_packs WHERE order_id = :order")
                .bind("order", order.value()).mapTo(Integer.class).findOne().orElse(0));
    }

    @Override
    public int extraGb(KeyId key) {
        return db.withHandle(h -> h.createQuery("SELECT coalesce(sum(gb), 0) FROM key_traffic_packs WHERE key_id = :key AND counts")
                .bind("key", key.value()).mapTo(Integer.class).one());
    }

    @Override
    public void periodRestarted(KeyId key) {
        db.withHandle(h -> h.createUpdate("UPDATE key_traffic_packs SET counts = false WHERE key_id = :key AND counts").bind("key", key.value()).execute());
    }
}
