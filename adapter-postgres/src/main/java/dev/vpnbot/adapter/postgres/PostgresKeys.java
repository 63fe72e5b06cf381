package dev.vpnbot.adapter.postgres;

import dev.vpnbot.application.port.out.Keys;
import dev.vpnbot.domain.key.KeyId;
import dev.vpnbot.domain.key.KeyLinks;
import dev.vpnbot.domain.key.KeyStatus;
import dev.vpnbot.domain.key.PanelClientId;
import dev.vpnbot.domain.key.VpnKey;
import dev.vpnbot.domain.server.ServerId;
import dev.vpnbot.domain.user.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.JdbiException;

/** Persistence adapter: the keys we sold, in {@code vpn_keys}; panel email and subId unique across all keys. */
final class PostgresKeys implements Keys {
    private final Database db;

    PostgresKeys(Database db) {
        this.db = db;
    }

    @Override
    public KeyId nextId() {
        return new KeyId(db.withHandle(h -> h.createQuery("SELECT nextval('key_ids')").mapTo(Long.class).one()));
    }

    @Override
    public Optional<VpnKey> find(KeyId id) {
        return findOne("SELECT * FROM vpn_keys WHERE id = :id", id);
    }

    @Override
    public Optional<VpnKey> findForUpdate(KeyId id) {
        return findOne("SELECT * FROM vpn_keys WHERE id = :id FOR UPDATE", id);
    }

    private Optional<VpnKey> findOne(String sql, KeyId id) {
        return db.withHandle(h -> h.createQuery(sql).bind("id", id.value()).map((rs, ctx) -> key(rs)).findOne());
    }

    @Override
    public List<VpnKey> ofOwner(UserId owner) {
        return db.withHandle(h -> h.createQuery("""
                        SELECT * FROM vpn_keys
                         WHERE user_id = :owner AND status <> 'DELETED'
                         ORDER BY created_at DESC, id DESC""")
                .bind("owner", owner.telegramId())
                .map((rs, ctx) -> key(rs))
                .list());
    }

    @Override
    public List<VpnKey> ofOwnerByExpiry(UserId owner, int offset, int limit) {
        if (offset < 0 || limit < 0) throw new IllegalArgumentException("offset and limit cannot be negative");
        return db.withHandle(h -> h.createQuery("""
                        SELECT * FROM vpn_keys
                         WHERE user_id = :owner AND status <> 'DELETED'
                         ORDER BY expires_at DESC, id DESC
                         LIMIT :limit OFFSET :offset""")
                .bind("owner", owner.telegramId())
                .bind("limit", limit)
                .bind("offset", offset)
                .map((rs, ctx) -> key(rs))
                .list());
    }

    @Override
    public List<VpnKey> expiringWithoutReminder(Instant from, Instant to, String reminderKind, int limit) {
        if (limit < 0) throw new IllegalArgumentException("limit cannot be negative: " + limit);
        return db.withHandle(h -> h.createQuery("""
                        SELECT k.* FROM vpn_keys k
                         WHERE k.status = 'ACTIVE' AND k.expires_at >= :from AND k.expires_at < :to
                           AND NOT EXISTS (SELECT 1 FROM sent_notifications n
                                            WHERE n.kind = :kind
                                              AND n.subject = 'key:' || k.id || '@' || (extract(epoch FROM k.expires_at) * 1000)::bigint)
                         ORDER BY k.expires_at, k.id
                         LIMIT :limit""")
                .bindByType("from", from, Instant.class)
                .bindByType("to", to, Instant.class)
                .bind("kind", reminderKind)
                .bind("limit", limit)
                .map((rs, ctx) -> key(rs))
                .list());
    }

    @Override
    public List<VpnKey> activeOn(ServerId server, Instant now, KeyId after, int limit) {
        if (limit < 0) throw new IllegalArgumentException("limit cannot be negative: " + limit);
        return db.withHandle(h -> h.createQuery("""
                        (SELECT * FROM vpn_keys
                          WHERE server_id = :server AND status = 'ACTIVE' AND expires_at > :now AND id > :after
                          ORDER BY id LIMIT :limit)
                        UNION
                        (SELECT k.* FROM key_placements p JOIN vpn_keys k ON k.id = p.key_id
                          WHERE p.server_id = :server AND p.status = 'ACTIVE' AND p.key_id > :after
                            AND k.status = 'ACTIVE' AND k.expires_at > :now
                          ORDER BY p.key_id LIMIT :limit)
                        ORDER BY id
                        LIMIT :limit""")
                .bind("server", server.value())
                .bindByType("now", now, Instant.class)
                .bind("after", after == null ? 0L : after.value())
                .bind("limit", limit)
                .map((rs, ctx) -> key(rs))
                .list());
    }

    @Override
    public void save(VpnKey key) {
        try {
            db.withHandle(h -> h.createUpdate("""
                            INSERT INTO vpn_keys (id, user_id, server_id, client_uuid, panel_email, sub_id, expires_at, status,
                                                  subscription_url, vless_url, created_at)
                            VALUES (:id, :owner, :server, :uuid, :email, :subId, :expiresAt, :status, :subscriptionUrl, :vlessUrl, :createdAt)
                            ON CONFLICT (id) DO UPDATE SET user_id = excluded.user_id, server_id = excluded.server_id,
                                client_uuid = excluded.client_uuid, panel_email = excluded.panel_email, sub_id = excluded.sub_id,
                                expires_at = excluded.expires_at, status = excluded.status,
                                subscription_url = excluded.subscription_url, vless_url = excluded.vless_url,
                                created_at = excluded.created_at""")
                    .bind("id", key.id().value())
                    .bind("owner", key.owner().telegramId())
                    .bind("server", key.serverId().value())
                    .bindByType("uuid", key.client().uuid(), UUID.class)
                    .bind("email", key.client().email())
                    .bind("subId", key.client().subId())
                    .bindByType("expiresAt", key.expiresAt(), Instant.class)
                    .bind("status", key.status().name())
                    .bindByType("subscriptionUrl", key.links() == null ? null : key.links().subscriptionUrl(), String.class)
                    .bindByType("vlessUrl", key.links() == null ? null : key.links().vlessUrl(), String.class)
                    .bindByType("createdAt", key.createdAt(), Instant.class)
                    .execute());
        } catch (JdbiException e) {
            if (Database.isUniqueViolation(e)) {
                throw new IllegalStateException("key " + key.id() + ": panel email or subId already used by another key ("
                        + Database.violatedConstraint(e) + ")", e);
            }
            throw e;
        }
    }

    static VpnKey key(ResultSet rs) throws SQLException {
        String vless = rs.getString("vless_url");
        KeyLinks links = vless == null ? null : new KeyLinks(rs.getString("subscription_url"), vless);
        return new VpnKey(new KeyId(rs.getLong("id")), new UserId(rs.getLong("user_id")), new ServerId(rs.getLong("server_id")),
                new PanelClientId(rs.getObject("client_uuid", UUID.class), rs.getString("panel_email"), rs.getString("sub_id")),
                Columns.instant(rs, "expires_at"), KeyStatus.valueOf(rs.getString("status")), links,
                Columns.instant(rs, "created_at"));
    }
}
