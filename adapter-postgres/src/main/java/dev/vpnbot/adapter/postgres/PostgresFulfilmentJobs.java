package dev.vpnbot.adapter.postgres;

import dev.vpnbot.application.port.out.FulfilmentJobs;
import dev.vpnbot.domain.order.OrderId;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * Queue adapter: the fulfilment queue in {@code fulfilment_jobs}, one row per order. Claiming
 * locks due rows with {@code FOR UPDATE SKIP LOCKED} and pushes their next attempt to the end of
 * the lease in the same statement, so workers in any number of processes never take the same
 * job while its lease runs, and never wait for each other.
 */
final class PostgresFulfilmentJobs implements FulfilmentJobs {
    private static final int MAX_ERROR_LENGTH = 2000;

    private final Database db;

    PostgresFulfilmentJobs(Database db) {
        this.db = db;
    }

    @Override
    public void enqueue(OrderId orderId, Instant due) {
        db.withHandle(h -> h.createUpdate("""
                        INSERT INTO fulfilment_jobs (order_id, attempts, next_attempt_at) VALUES (:order, 0, :due)
                        ON CONFLICT (order_id) DO NOTHING""")
                .bind("order", orderId.value())
                .bindByType("due", due, Instant.class)
                .execute());
    }

    @Override
    public List<Job> claimDue(Instant now, int limit, Duration lease) {
        if (limit < 0) throw new IllegalArgumentException("limit cannot be negative: " + limit);
        if (lease.isNegative() || lease.isZero()) throw new IllegalArgumentException("lease must be positive: " + lease);
        List<Job> claimed = db.withHandle(h -> h.createQuery("""
                        WITH due AS (
                            SELECT order_id, attempts, next_attempt_at, last_error FROM fulfilment_jobs
                             WHERE next_attempt_at <= :now
                             ORDER BY next_attempt_at, order_id
                             LIMIT :limit
                             FOR UPDATE SKIP LOCKED)
                        UPDATE fulfilment_jobs j SET next_attempt_at = :leaseEnd
                          FROM due WHERE j.order_id = due.order_id
                        RETURNING due.order_id, due.attempts, due.next_attempt_at, due.last_error""")
                .bindByType("now", now, Instant.class)
                .bind("limit", limit)
                .bindByType("leaseEnd", now.plus(lease), Instant.class)
                .map((rs, ctx) -> new Job(new OrderId(rs.getLong("order_id")), rs.getInt("attempts"),
                        Columns.instant(rs, "next_attempt_at"), rs.getString("last_error")))
                .list());
        // RETURNING has no order of its own: hand them out as they fell due
        return claimed.stream()
                .sorted(Comparator.comparing(Job::nextAttemptAt).thenComparingLong(j -> j.orderId().value()))
                .toList();
    }

    @Override
    public void extendLease(OrderId orderId, Instant until) {
        db.withHandle(h -> h.createUpdate("UPDATE fulfilment_jobs SET next_attempt_at = :until WHERE order_id = :order")
                .bind("order", orderId.value())
                .bindByType("until", until, Instant.class)
                .execute());
    }

    @Override
    public void complete(OrderId orderId) {
        db.withHandle(h -> h.createUpdate("DELETE FROM fulfilment_jobs WHERE order_id = :order")
                .bind("order", orderId.value()).execute());
    }

    @Override
    public void retryLater(OrderId orderId, int attempts, Instant nextAttemptAt, String error) {
        String shortError = error == null || error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH);
        db.withHandle(h -> h.createUpdate("""
                        UPDATE fulfilment_jobs SET attempts = :attempts, next_attempt_at = :next, last_error = :error
                         WHERE order_id = :order""")
                .bind("order", orderId.value())
                .bind("attempts", attempts)
                .bindByType("next", nextAttemptAt, Instant.class)
                .bindByType("error", shortError, String.class)
                .execute());
    }
}
