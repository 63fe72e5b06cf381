package dev.vpnbot.adapter.postgres;

import dev.vpnbot.application.port.out.NewKeys;
import dev.vpnbot.domain.key.VpnKey;
import java.time.Instant;
import java.util.List;

/** Persistence adapter: {@link NewKeys} over {@code vpn_keys} and the {@code sent_notifications} ledger. */
final class PostgresNewKeys implements NewKeys {
    private final Database db;

    PostgresNewKeys(Database db) {
        this.db = db;
    }

    @Override
    public List<VpnKey> activeMadeWithout(Instant from, Instant to, String kind, int limit) {
        if (limit < 0) throw new IllegalArgumentException("limit cannot be negative: " + limit);
        return db.withHandle(h -> h.createQuery("""
                        SELECT k.* FROM vpn_keys k
                         WHERE k.status = 'ACTIVE' AND k.created_at >= :from AND k.created_at < :to
                           AND NOT EXISTS (SELECT 1 FROM sent_notifications n WHERE n.kind = :kind AND n.subject = 'key:' || k.id)
                         ORDER BY k.created_at, k.id
                         LIMIT :limit""")
                .bindByType("from", from, Instant.class)
                .bindByType("to", to, Instant.class)
                .bind("kind", kind)
                .bind("limit", limit)
                .map((rs, ctx) -> PostgresKeys.key(rs))
                .list());
    }
}
