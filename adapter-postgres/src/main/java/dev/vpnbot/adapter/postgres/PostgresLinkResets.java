package dev.vpnbot.adapter.postgres;

import dev.vpnbot.application.port.out.LinkResets;
import dev.vpnbot.domain.key.KeyId;
import dev.vpnbot.domain.key.PanelClientId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Persistence adapter: link resets under way, in {@code key_link_resets}; the email is the key's own. */
final class PostgresLinkResets implements LinkResets {
    private final Database db;
    private final Clock clock;

    PostgresLinkResets(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public Optional<PanelClientId> pending(KeyId key) {
        return db.withHandle(h -> h.createQuery("""
                        SELECT r.client_uuid, k.panel_email, r.sub_id FROM key_link_resets r JOIN vpn_keys k ON k.id = r.key_id
                         WHERE r.key_id = :key""")
                .bind("key", key.value())
                .map((rs, ctx) -> new PanelClientId(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3)))
                .findOne());
    }

    @Override
    public void begin(KeyId key, PanelClientId next) {
        db.withHandle(h -> h.createUpdate("""
                        INSERT INTO key_link_resets (key_id, client_uuid, sub_id, requested_at) VALUES (:key, :uuid, :subId, :at)
                        ON CONFLICT (key_id) DO UPDATE SET client_uuid = excluded.client_uuid, sub_id = excluded.sub_id,
                            requested_at = excluded.requested_at""")
                .bind("key", key.value())
                .bindByType("uuid", next.uuid(), UUID.class)
                .bind("subId", next.subId())
                .bindByType("at", clock.instant(), Instant.class)
                .execute());
    }

    @Override
    public void finish(KeyId key) {
        db.withHandle(h -> h.createUpdate("DELETE FROM key_link_resets WHERE key_id = :key").bind("key", key.value()).execute());
    }

    @Override
    public List<KeyId> unfinished(int limit) {
        return db.withHandle(h -> h.createQuery("SELECT key_id FROM key_link_resets ORDER BY requested_at, key_id LIMIT :limit")
                .bind("limit", limit)
                .mapTo(Long.class)
                .map(KeyId::new)
                .list());
    }
}
