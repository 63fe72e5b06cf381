package dev.vpnbot.adapter.postgres;

import dev.vpnbot.application.port.out.balance.AutoRenewals;
import dev.vpnbot.domain.balance.AutoRenew;
import dev.vpnbot.domain.key.KeyId;
import dev.vpnbot.domain.order.OrderId;
import dev.vpnbot.domain.tariff.TariffId;
import dev.vpnbot.domain.user.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Persistence adapter: {@code auto_renew} (who asked) and {@code auto_renewals} (the claims,
 * primary key key + expiry: a second instance's claim waits for the first and then inserts nothing).
 */
final class PostgresAutoRenewals implements AutoRenewals {
    private final Database db;

    PostgresAutoRenewals(Database db) {
        this.db = db;
    }

    @Override
    public void switchOn(AutoRenew s) {
        db.withHandle(h -> h.createUpdate("""
                        INSERT INTO auto_renew (key_id, user_id, tariff_id, enabled_at) VALUES (:key, :user, :tariff, :at)
                        ON CONFLICT (key_id) DO UPDATE SET tariff_id = excluded.tariff_id""")
                .bind("key", s.key().value()).bind("user", s.user().telegramId()).bind("tariff", s.tariff().value())
                .bindByType("at", s.enabledAt(), Instant.class).execute());
    }

    @Override
    public boolean switchOff(KeyId key) {
        return db.withHandle(h -> h.createUpdate("DELETE FROM auto_renew WHERE key_id = :key").bind("key", key.value()).execute()) > 0;
    }

    @Override
    public Optional<AutoRenew> find(KeyId key) {
        return db.withHandle(h -> h.createQuery("SELECT * FROM auto_renew WHERE key_id = :key")
                .bind("key", key.value()).map((rs, ctx) -> setting(rs)).findOne());
    }

    @Override
    public List<AutoRenew> all(int limit) {
        return db.withHandle(h -> h.createQuery("SELECT * FROM auto_renew ORDER BY enabled_at, key_id LIMIT :limit")
                .bind("limit", limit).map((rs, ctx) -> setting(rs)).list());
    }

    @Override
    public List<Due> due(Instant horizon, int limit) {
        return db.withHandle(h -> h.createQuery("""
                        SELECT a.*, k.expires_at AS key_expires_at FROM auto_renew a JOIN vpn_keys k ON k.id = a.key_id
                         WHERE k.status = 'ACTIVE' AND k.expires_at < :horizon
                           AND NOT EXISTS (SELECT 1 FROM auto_renewals r WHERE r.key_id = k.id AND r.expires_at = k.expires_at)
                         ORDER BY k.expires_at, k.id LIMIT :limit""")
                .bindByType("horizon", horizon, Instant.class).bind("limit", limit)
                .map((rs, ctx) -> new Due(setting(rs), Columns.instant(rs, "key_expires_at"))).list());
    }

    @Override
    public boolean claim(KeyId key, Instant expiresAt, OrderId order, Instant at) {
        return db.withHandle(h -> h.createUpdate("""
                        INSERT INTO auto_renewals (key_id, expires_at, order_id, renewed_at) VALUES (:key, :expires, :order, :at)
                        ON CONFLICT DO NOTHING""")
                .bind("key", key.value()).bindByType("expires", expiresAt, Instant.class).bind("order", order.value())
                .bindByType("at", at, Instant.class).execute()) == 1;
    }

    private static AutoRenew setting(ResultSet rs) throws SQLException {
        return new AutoRenew(new KeyId(rs.getLong("key_id")), new UserId(rs.getLong("user_id")), new TariffId(rs.getLong("tariff_id")),
                Columns.instant(rs, "enabled_at"));
    }
}
