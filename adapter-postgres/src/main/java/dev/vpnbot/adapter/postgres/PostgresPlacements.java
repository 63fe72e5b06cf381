package dev.vpnbot.adapter.postgres;

import dev.vpnbot.application.port.out.Placements;
import dev.vpnbot.domain.key.KeyId;
import dev.vpnbot.domain.key.KeyLinks;
import dev.vpnbot.domain.key.Placement;
import dev.vpnbot.domain.key.PlacementStatus;
import dev.vpnbot.domain.server.ServerGroupId;
import dev.vpnbot.domain.server.ServerId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Persistence adapter: each key's locations in {@code key_placements}, and its group in {@code vpn_keys.server_group_id}. */
final class PostgresPlacements implements Placements {
    private final Database db;

    PostgresPlacements(Database db) {
        this.db = db;
    }

    @Override
    public List<Placement> of(KeyId key) {
        return db.withHandle(h -> h.createQuery("SELECT * FROM key_placements WHERE key_id = :key ORDER BY server_id")
                .bind("key", key.value())
                .map((rs, ctx) -> placement(rs))
                .list());
    }

    @Override
    public java.util.Map<KeyId, List<Placement>> ofKeys(java.util.Collection<KeyId> keys) {
        if (keys.isEmpty()) return java.util.Map.of();
        java.util.Map<KeyId, List<Placement>> out = new java.util.LinkedHashMap<>();
        db.withHandle(h -> h.createQuery("SELECT * FROM key_placements WHERE key_id = ANY(:keys) ORDER BY key_id, server_id")
                .bind("keys", keys.stream().mapToLong(KeyId::value).distinct().toArray())
                .map((rs, ctx) -> placement(rs))
                .list())
                .forEach(p -> out.computeIfAbsent(p.key(), k -> new java.util.ArrayList<>()).add(p));
        return out;
    }

    @Override
    public Optional<Placement> find(KeyId key, ServerId server) {
        return db.withHandle(h -> h.createQuery("SELECT * FROM key_placements WHERE key_id = :key AND server_id = :server")
                .bind("key", key.value())
                .bind("server", server.value())
                .map((rs, ctx) -> placement(rs))
                .findOne());
    }

    @Override
    public void save(Placement p) {
        db.withHandle(h -> h.createUpdate("""
                        INSERT INTO key_placements (key_id, server_id, panel_email, status, subscription_url, vless_url,
                                                    next_attempt_at, created_at)
                        VALUES (:key, :server, :email, :status, :subscriptionUrl, :vlessUrl, :createdAt, :createdAt)
                        ON CONFLICT (key_id, server_id) DO UPDATE SET panel_email = excluded.panel_email, status = excluded.status,
                            subscription_url = excluded.subscription_url, vless_url = excluded.vless_url""")
                .bindMap(values(p))
                .execute());
    }

    @Override
    public boolean addIfMissing(Placement p) {
        return db.withHandle(h -> h.createUpdate("""
                        INSERT INTO key_placements (key_id, server_id, panel_email, status, subscription_url, vless_url,
                                                    next_attempt_at, created_at)
                        VALUES (:key, :server, :email, :status, :subscriptionUrl, :vlessUrl, :createdAt, :createdAt)
                        ON CONFLICT (key_id, server_id) DO NOTHING""")
                .bindMap(values(p))
                .execute()) == 1;
    }

    private static java.util.Map<String, Object> values(Placement p) {
        java.util.Map<String, Object> v = new java.util.HashMap<>();
        v.put("key", p.key().value());
        v.put("server", p.server().value());
        v.put("email", p.panelEmail());
        v.put("status", p.status().name());
        v.put("subscriptionUrl", p.links() == null ? null : p.links().subscriptionUrl());
        v.put("vlessUrl", p.links() == null ? null : p.links().vlessUrl());
        v.put("createdAt", java.time.OffsetDateTime.ofInstant(p.createdAt(), java.time.ZoneOffset.UTC));
        return v;
    }

    @Override
    public List<Listed> listed(KeyId key) {
        return db.withHandle(h -> h.createQuery("""
                        SELECT p.server_id, s.name, p.vless_url FROM key_placements p JOIN servers s ON s.id = p.server_id
                         WHERE p.key_id = :key AND p.status = 'ACTIVE' AND s.is_active AND s.retired_at IS NULL
                         ORDER BY p.server_id""")
                .bind("key", key.value())
                .map((rs, ctx) -> new Listed(new ServerId(rs.getLong(1)), rs.getString(2), rs.getString(3)))
                .list());
    }

    @Override
    public List<String> locationNames(KeyId key) {
        return db.withHandle(h -> h.createQuery("""
                        SELECT s.name FROM key_placements p JOIN servers s ON s.id = p.server_id
                         WHERE p.key_id = :key AND p.status <> 'DISABLED' AND s.retired_at IS NULL
                         ORDER BY p.server_id""")
                .bind("key", key.value())
                .mapTo(String.class)
                .list());
    }

    @Override
    public List<Placement> due(Instant now, int limit) {
        return db.withHandle(h -> h.createQuery("""
                        SELECT p.* FROM key_placements p JOIN vpn_keys k ON k.id = p.key_id
                         WHERE p.status = 'PENDING' AND p.next_attempt_at <= :now AND k.status = 'ACTIVE' AND k.expires_at > :now
                           AND NOT EXISTS (SELECT 1 FROM key_moves m WHERE m.key_id = p.key_id AND m.to_server_id = p.server_id
                                                                        AND m.state = 'REQUESTED') -- a move's target is the move job's
                         ORDER BY p.next_attempt_at, p.key_id, p.server_id
                         LIMIT :limit""")
                .bindByType("now", now, Instant.class)
                .bind("limit", limit)
                .map((rs, ctx) -> placement(rs))
                .list());
    }

    @Override
    public int attempts(KeyId key, ServerId server) {
        return db.withHandle(h -> h.createQuery("SELECT attempts FROM key_placements WHERE key_id = :key AND server_id = :server")
                .bind("key", key.value())
                .bind("server", server.value())
                .mapTo(Integer.class)
                .findOne().orElse(0));
    }

    @Override
    public int attemptFailed(KeyId key, ServerId server, Instant next) {
        return db.withHandle(h -> h.createQuery("""
                        UPDATE key_placements SET attempts = attempts + 1, next_attempt_at = :next
                         WHERE key_id = :key AND server_id = :server RETURNING attempts""")
                .bind("key", key.value())
                .bind("server", server.value())
                .bindByType("next", next, Instant.class)
                .mapTo(Integer.class)
                .findOne().orElse(0));
    }

    @Override
    public void assignGroup(KeyId key, ServerGroupId group) {
        db.withHandle(h -> h.createUpdate("UPDATE vpn_keys SET server_group_id = :group WHERE id = :key")
                .bind("key", key.value())
                .bind("group", group.value())
                .execute());
    }

    @Override
    public Optional<ServerGroupId> groupOf(KeyId key) {
        return db.withHandle(h -> h.createQuery("SELECT server_group_id FROM vpn_keys WHERE id = :key AND server_group_id IS NOT NULL")
                .bind("key", key.value())
                .mapTo(Long.class)
                .findOne()
                .map(ServerGroupId::new));
    }

    @Override
    public List<Placement> missingInGroups(Instant now, int limit) {
        return db.withHandle(h -> h.createQuery("""
                        SELECT k.id AS key_id, s.id AS server_id, k.panel_email FROM vpn_keys k
                          JOIN server_groups g ON g.id = k.server_group_id
                          JOIN servers s ON s.is_active AND s.retired_at IS NULL
                               AND (g.all_servers OR EXISTS (SELECT 1 FROM server_group_members m
                                                               WHERE m.group_id = g.id AND m.server_id = s.id))
                         WHERE k.server_group_id IS NOT NULL AND k.status = 'ACTIVE' AND k.expires_at > :now
                           AND NOT EXISTS (SELECT 1 FROM key_placements p WHERE p.key_id = k.id AND p.server_id = s.id)
                         ORDER BY k.id, s.id
                         LIMIT :limit""")
                .bindByType("now", now, Instant.class)
                .bind("limit", limit)
                .map((rs, ctx) -> new Placement(new KeyId(rs.getLong("key_id")), new ServerId(rs.getLong("server_id")),
                        rs.getString("panel_email"), PlacementStatus.PENDING, null, now))
                .list());
    }

    private static Placement placement(ResultSet rs) throws SQLException {
        String vless = rs.getString("vless_url");
        KeyLinks links = vless == null ? null : new KeyLinks(rs.getString("subscription_url"), vless);
        return new Placement(new KeyId(rs.getLong("key_id")), new ServerId(rs.getLong("server_id")), rs.getString("panel_email"),
                PlacementStatus.valueOf(rs.getString("status")), links, Columns.instant(rs, "created_at"));
    }
}
