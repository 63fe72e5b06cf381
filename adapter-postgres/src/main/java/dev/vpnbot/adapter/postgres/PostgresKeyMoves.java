package dev.vpnbot.adapter.postgres;

import dev.vpnbot.application.port.out.move.KeyMoves;
import dev.vpnbot.domain.key.KeyId;
import dev.vpnbot.domain.key.PanelClientId;
import dev.vpnbot.domain.move.KeyMove;
import dev.vpnbot.domain.move.MoveId;
import dev.vpnbot.domain.move.MoveOrigin;
import dev.vpnbot.domain.move.MoveState;
import dev.vpnbot.domain.server.ServerId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Persistence adapter: moves in {@code key_moves} (V22). Claiming works like the fulfilment
 * queue's: due rows locked with {@code FOR UPDATE SKIP LOCKED} and pushed to the end of the lease
 * in the same statement.
 */
final class PostgresKeyMoves implements KeyMoves {
    private static final int MAX_ERROR_LENGTH = 2000;
    private static final String OPEN = "('REQUESTED', 'TARGET_PLACED', 'SOURCE_DISABLED')";

    private final Database db;

    PostgresKeyMoves(Database db) {
        this.db = db;
    }

    @Override
    public MoveId nextId() {
        return new MoveId(db.withHandle(h -> h.createQuery("SELECT nextval('key_move_ids')").mapTo(Long.class).one()));
    }

    @Override
    public void lockServer(ServerId server) {
        db.withHandle(h -> h.createQuery("SELECT id FROM servers WHERE id = :id FOR UPDATE").bind("id", server.value())
                .mapTo(Long.class).findOne());
    }

    @Override
    public void insert(KeyMove m, Instant due) {
        db.withHandle(h -> h.createUpdate("""
                        INSERT INTO key_moves (id, key_id, from_server_id, to_server_id, origin, evacuation_id, state, requested_at,
                                               next_attempt_at)
                        VALUES (:id, :key, :from, :to, :origin, :evacuation, :state, :requestedAt, :due)""")
                .bind("id", m.id().value())
                .bind("key", m.key().value())
                .bind("from", m.from().value())
                .bind("to", m.to().value())
                .bind("origin", m.origin().name())
                .bindByType("evacuation", m.evacuation(), Long.class)
                .bind("state", m.state().name())
                .bindByType("requestedAt", m.requestedAt(), Instant.class)
                .bindByType("due", due, Instant.class)
                .execute());
    }

    @Override
    public void save(KeyMove m, Instant nextStep) {
        PanelClientId left = m.sourceClient();
        db.withHandle(h -> h.createUpdate("""
                        UPDATE key_moves SET state = :state, delete_after = :deleteAfter, failure = :failure,
                               source_uuid = :uuid, source_email = :email, source_sub_id = :subId,
                               attempts = CASE WHEN state = :state THEN attempts ELSE 0 END,
                               last_error = CASE WHEN state = :state THEN last_error END,
                               next_attempt_at = :next,
                               finished_at = CASE WHEN :state IN ('DONE', 'FAILED') THEN coalesce(finished_at, :next) END
                         WHERE id = :id""")
                .bind("id", m.id().value())
                .bind("state", m.state().name())
                .bindByType("deleteAfter", m.deleteAfter(), Instant.class)
                .bindByType("failure", m.failure(), String.class)
                .bindByType("uuid", left == null ? null : left.uuid(), UUID.class)
                .bindByType("email", left == null ? null : left.email(), String.class)
                .bindByType("subId", left == null ? null : left.subId(), String.class)
                .bindByType("next", nextStep, Instant.class)
                .execute());
    }

    @Override
    public Optional<KeyMove> find(MoveId id) {
        return db.withHandle(h -> h.createQuery("SELECT * FROM key_moves WHERE id = :id").bind("id", id.value())
                .map((rs, ctx) -> move(rs)).findOne());
    }

    @Override
    public Optional<KeyMove> underWay(KeyId key) {
        return db.withHandle(h -> h.createQuery("SELECT * FROM key_moves WHERE key_id = :key AND state IN ('REQUESTED', 'TARGET_PLACED')")
                .bind("key", key.value()).map((rs, ctx) -> move(rs)).findOne());
    }

    @Override
    public List<KeyMove> awaitingDeletion(KeyId key) {
        return db.withHandle(h -> h.createQuery("SELECT * FROM key_moves WHERE key_id = :key AND state = 'SOURCE_DISABLED' ORDER BY id")
                .bind("key", key.value()).map((rs, ctx) -> move(rs)).list());
    }

    @Override
    public List<Instant> buyerMovesSince(KeyId key, Instant since) {
        return db.withHandle(h -> h.createQuery("""
                        SELECT requested_at FROM key_moves
                         WHERE key_id = :key AND origin = 'BUYER' AND state <> 'FAILED' AND requested_at > :since""")
                .bind("key", key.value())
                .bindByType("since", since, Instant.class)
                .map((rs, ctx) -> Columns.instant(rs, "requested_at"))
                .list());
    }

    @Override
    public boolean renewalPending(KeyId key) {
        return db.withHandle(h -> h.createQuery("""
                        SELECT EXISTS (SELECT 1 FROM orders o JOIN fulfilment_jobs j ON j.order_id = o.id
                                        WHERE o.key_id = :key AND o.status = 'PAID')""")
                .bind("key", key.value()).mapTo(Boolean.class).one());
    }

    @Override
    public List<KeyMove> claimDue(Instant now, int limit, Duration lease) {
        List<KeyMove> claimed = db.withHandle(h -> h.createQuery("""
                        WITH due AS (
                            SELECT id FROM key_moves
                             WHERE state IN %s AND next_attempt_at <= :now
                             ORDER BY next_attempt_at, id
                             LIMIT :limit
                             FOR UPDATE SKIP LOCKED)
                        UPDATE key_moves m SET next_attempt_at = :leaseEnd FROM due WHERE m.id = due.id
                        RETURNING m.*""".formatted(OPEN))
                .bindByType("now", now, Instant.class)
                .bind("limit", limit)
                .bindByType("leaseEnd", now.plus(lease), Instant.class)
                .map((rs, ctx) -> move(rs))
                .list());
        return claimed.stream().sorted(Comparator.comparingLong(m -> m.id().value())).toList();
    }

    @Override
    public int attempts(MoveId id) {
        return db.withHandle(h -> h.createQuery("SELECT attempts FROM key_moves WHERE id = :id").bind("id", id.value())
                .mapTo(Integer.class).findOne().orElse(0));
    }

    @Override
    public int stepFailed(MoveId id, Instant next, String error) {
        String shortError = error == null || error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH);
        return db.withHandle(h -> h.createQuery("""
                        UPDATE key_moves SET attempts = attempts + 1, next_attempt_at = :next, last_error = :error
                         WHERE id = :id AND state IN %s RETURNING attempts""".formatted(OPEN))
                .bind("id", id.value())
                .bindByType("next", next, Instant.class)
                .bindByType("error", shortError, String.class)
                .mapTo(Integer.class).findOne().orElse(0));
    }

    @Override
    public Map<LocalDate, Map<String, Integer>> perDay(Instant from, Instant to) {
        Map<LocalDate, Map<String, Integer>> days = new TreeMap<>();
        db.withHandle(h -> h.createQuery("""
                        SELECT (requested_at AT TIME ZONE 'UTC')::date AS day, origin, count(*) AS n FROM key_moves
                         WHERE requested_at >= :from AND requested_at < :to GROUP BY 1, 2""")
                .bindByType("from", from, Instant.class)
                .bindByType("to", to, Instant.class)
                .map((rs, ctx) -> {
                    days.computeIfAbsent(rs.getObject("day", LocalDate.class), d -> new TreeMap<>()).put(rs.getString("origin"), rs.getInt("n"));
                    return 0;
                }).list());
        return days;
    }

    private static KeyMove move(ResultSet rs) throws SQLException {
        UUID uuid = rs.getObject("source_uuid", UUID.class);
        PanelClientId left = uuid == null ? null : new PanelClientId(uuid, rs.getString("source_email"), rs.getString("source_sub_id"));
        return new KeyMove(new MoveId(rs.getLong("id")), new KeyId(rs.getLong("key_id")), new ServerId(rs.getLong("from_server_id")),
                new ServerId(rs.getLong("to_server_id")), MoveOrigin.valueOf(rs.getString("origin")), Columns.optionalLong(rs, "evacuation_id"),
                MoveState.valueOf(rs.getString("state")), Columns.instant(rs, "requested_at"),
                rs.getTimestamp("delete_after") == null ? null : Columns.instant(rs, "delete_after"), rs.getString("failure"), left);
    }
}
