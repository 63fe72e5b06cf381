package dev.vpnbot.adapter.postgres;

import dev.vpnbot.application.model.statistics.Revenue;
import dev.vpnbot.application.port.out.admin.ShopFigures;
import dev.vpnbot.domain.money.Money;
import dev.vpnbot.domain.money.Stars;
import java.time.Instant;
import dev.vpnbot.domain.order.OrderStatus;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Statistics adapter: the admin's counts, straight from the tables. */
final class PostgresShopFigures implements ShopFigures {
    private final Database db;

    PostgresShopFigures(Database db) {
        this.db = db;
    }

    @Override
    public long countUsers() {
        return db.withHandle(h -> h.createQuery("SELECT count(*) FROM users").mapTo(Long.class).one());
    }

    @Override
    public long countActiveKeys(Instant now) {
        return db.withHandle(h -> h.createQuery("SELECT count(*) FROM vpn_keys WHERE status = 'ACTIVE' AND expires_at > :now")
                .bindByType("now", now, Instant.class)
                .mapTo(Long.class).one());
    }

    @Override
    public long countKeysExpiringBetween(Instant from, Instant to) {
        return db.withHandle(h -> h.createQuery("""
                        SELECT count(*) FROM vpn_keys WHERE status = 'ACTIVE' AND expires_at >= :from AND expires_at < :to""")
                .bindByType("from", from, Instant.class)
                .bindByType("to", to, Instant.class)
                .mapTo(Long.class).one());
    }

    @Override
    public Map<OrderStatus, Long> countOrdersByStatus() {
        return db.withHandle(h -> {
            Map<OrderStatus, Long> counts = new EnumMap<>(OrderStatus.class);
            h.createQuery("SELECT status, count(*) AS n FROM orders GROUP BY status")
                    .map((rs, ctx) -> Map.entry(OrderStatus.valueOf(rs.getString("status")), rs.getLong("n")))
                    .forEach(e -> counts.put(e.getKey(), e.getValue()));
            return counts;
        });
    }

    /** Crypto per currency from the orders (test payments, grants and Stars left out); Stars and refunds from their ledger. */
    @Override
    public Revenue revenueSince(Instant since) {
        return db.withHandle(h -> {
            String crypto = "status IN ('PAID', 'FULFILLED') AND paid_at >= :since AND coalesce(paid_via, 'CRYPTO') = 'CRYPTO'";
            long orders = h.createQuery("SELECT count(*) FROM orders WHERE " + crypto)
                    .bindByType("since", since, Instant.class)
                    .mapTo(Long.class).one();
            List<Money> totals = h.createQuery("SELECT sum(amount_paid) AS total, amount_paid_currency AS currency FROM orders WHERE "
                            + crypto + " GROUP BY amount_paid_currency ORDER BY amount_paid_currency")
                    .bindByType("since", since, Instant.class)
                    .map((rs, ctx) -> Columns.money(rs, "total", "currency"))
                    .list();
            long[] stars = starsSince(h, "status = 'APPLIED' AND received_at >= :since", since);
            long[] refunds = starsSince(h, "refunded_at >= :since", since);
            return new Revenue(orders, totals, stars[0], new Stars(stars[1]), refunds[0], new Stars(refunds[1]));
        });
    }

    /** {count, sum of stars} of the ledger rows that match. */
    private static long[] starsSince(org.jdbi.v3.core.Handle h, String where, Instant since) {
        return h.createQuery("SELECT count(*) AS n, coalesce(sum(stars), 0) AS stars FROM star_payments WHERE " + where)
                .bindByType("since", since, Instant.class)
                .map((rs, ctx) -> new long[] {rs.getLong("n"), rs.getLong("stars")})
                .one();
    }
}
