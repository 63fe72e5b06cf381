package dev.vpnbot.adapter.postgres;

import dev.vpnbot.application.port.out.OrderNotices;
import dev.vpnbot.domain.order.OrderId;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * Outbox adapter: the buyer's order notices in {@code order_notices}, one row per (order, kind).
 * Claiming locks due rows with {@code FOR UPDATE SKIP LOCKED} and pushes their next attempt to
 * the end of the lease in the same statement, as the fulfilment queue does.
 */
final class PostgresOrderNotices implements OrderNotices {
    private static final int MAX_ERROR_LENGTH = 2000;
    private static final String UNSENT = "sent_at IS NULL AND given_up_at IS NULL";

    private final Database db;

    PostgresOrderNotices(Database db) {
        this.db = db;
    }

    @Override
    public void add(OrderId orderId, Kind kind, Instant due) {
        db.withHandle(h -> h.createUpdate("""
                        INSERT INTO order_notices (order_id, kind, next_attempt_at) VALUES (:order, :kind, :due)
                        ON CONFLICT (order_id, kind) DO NOTHING""")
                .bind("order", orderId.value()).bind("kind", kind.name())
                .bindByType("due", due, Instant.class)
                .execute());
    }

    @Override
    public List<Pending> claimDue(Instant now, int limit, Duration lease) {
        if (limit < 0) throw new IllegalArgumentException("limit cannot be negative: " + limit);
        return claim("TRUE", 0, now, limit, lease);
    }

    @Override
    public List<Pending> claimDue(OrderId orderId, Instant now, Duration lease) {
        return claim("order_id = :order", orderId.value(), now, Kind.values().length, lease);
    }

    private List<Pending> claim(String which, long orderId, Instant now, int limit, Duration lease) {
        if (lease.isNegative() || lease.isZero()) throw new IllegalArgumentException("lease must be positive: " + lease);
        List<Due> claimed = db.withHandle(h -> h.createQuery("""
                        WITH due AS (
                            SELECT order_id, kind, attempts, next_attempt_at FROM order_notices
                             WHERE %s AND %s AND next_attempt_at <= :now
                             ORDER BY next_attempt_at, order_id
                             LIMIT :limit
                             FOR UPDATE SKIP LOCKED)
                        UPDATE order_notices n SET next_attempt_at = :leaseEnd
                          FROM due WHERE n.order_id = due.order_id AND n.kind = due.kind
                        RETURNING due.order_id, due.kind, due.attempts, due.next_attempt_at""".formatted(which, UNSENT))
                .bind("order", orderId)
                .bindByType("now", now, Instant.class)
                .bind("limit", limit)
                .bindByType("leaseEnd", now.plus(lease), Instant.class)
                .map((rs, ctx) -> new Due(new Pending(new OrderId(rs.getLong("order_id")), Kind.valueOf(rs.getString("kind")),
                        rs.getInt("attempts")), Columns.instant(rs, "next_attempt_at")))
                .list());
        // RETURNING has no order of its own: hand them out as they fell due
        return claimed.stream().sorted(Comparator.comparing(Due::at).thenComparingLong(d -> d.notice().orderId().value()))
                .map(Due::notice).toList();
    }

    private record Due(Pending notice, Instant at) {}

    @Override
    public void sent(OrderId orderId, Kind kind, Instant at) {
        db.withHandle(h -> h.createUpdate("UPDATE order_notices SET sent_at = :at WHERE order_id = :order AND kind = :kind")
                .bind("order", orderId.value()).bind("kind", kind.name())
                .bindByType("at", at, Instant.class).execute());
    }

    @Override
    public void retryLater(OrderId orderId, Kind kind, int attempts, Instant nextAttemptAt, String error) {
        db.withHandle(h -> h.createUpdate("""
                        UPDATE order_notices SET attempts = :attempts, next_attempt_at = :next, last_error = :error
                         WHERE order_id = :order AND kind = :kind AND sent_at IS NULL""")
                .bind("order", orderId.value()).bind("kind", kind.name())
                .bind("attempts", attempts)
                .bindByType("next", nextAttemptAt, Instant.class)
                .bindByType("error", shorten(error), String.class)
                .execute());
    }

    @Override
    public void giveUp(OrderId orderId, Kind kind, int attempts, String error) {
        db.withHandle(h -> h.createUpdate("""
                        UPDATE order_notices SET attempts = :attempts, given_up_at = now(), last_error = :error
                         WHERE order_id = :order AND kind = :kind AND sent_at IS NULL""")
                .bind("order", orderId.value()).bind("kind", kind.name())
                .bind("attempts", attempts)
                .bindByType("error", shorten(error), String.class)
                .execute());
    }

    @Override
    public int unsent() {
        return db.withHandle(h -> h.createQuery("SELECT count(*) FROM order_notices WHERE " + UNSENT).mapTo(Integer.class).one());
    }

    private static String shorten(String error) {
        return error == null || error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH);
    }
}
