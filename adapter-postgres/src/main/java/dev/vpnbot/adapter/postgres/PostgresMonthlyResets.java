package dev.vpnbot.adapter.postgres;

import dev.vpnbot.application.port.out.MonthlyResets;
import dev.vpnbot.domain.key.VpnKey;
import java.time.Instant;
import java.util.List;

/**
 * Persistence adapter: {@link MonthlyResets}. A key's tariff is the one of its latest fulfilled
 * order; the current period's ledger subject is computed in SQL exactly as
 * {@link MonthlyResets#subject} does (whole 30-day periods since the key was made).
 */
final class PostgresMonthlyResets implements MonthlyResets {
    private final Database db;

    PostgresMonthlyResets(Database db) {
        this.db = db;
    }

    @Override
    public List<VpnKey> due(Instant now, int limit) {
        if (limit < 0) throw new IllegalArgumentException("limit cannot be negative: " + limit);
        return db.withHandle(h -> h.createQuery("""
                        SELECT k.* FROM vpn_keys k
                          JOIN LATERAL (SELECT o.tariff_id FROM orders o
                                         WHERE o.key_id = k.id AND o.status = 'FULFILLED'
                                           AND NOT EXISTS (SELECT 1 FROM key_traffic_packs p WHERE p.order_id = o.id)
                                         ORDER BY o.fulfilled_at DESC, o.id DESC LIMIT 1) latest ON true
                          JOIN tariffs t ON t.id = latest.tariff_id AND t.monthly_reset
                         WHERE k.status = 'ACTIVE' AND k.expires_at > :now AND k.created_at <= :now - interval '30 days'
                           AND NOT EXISTS (SELECT 1 FROM sent_notifications n
                                            WHERE n.kind = :kind
                                              AND n.subject = 'key:' || k.id || '#'
                                                  || floor(extract(epoch FROM (:now - k.created_at)) / :periodSeconds)::bigint)
                         ORDER BY k.id
                         LIMIT :limit""")
                .bindByType("now", now, Instant.class)
                .bind("kind", KIND)
                .bind("periodSeconds", PERIOD.toSeconds())
                .bind("limit", limit)
                .map((rs, ctx) -> PostgresKeys.key(rs))
                .list());
    }
}
