package dev.vpnbot.adapter.postgres;

import dev.vpnbot.application.model.move.EvacuationProgress;
import dev.vpnbot.application.port.out.move.Evacuations;
import dev.vpnbot.domain.key.KeyId;
import dev.vpnbot.domain.move.Evacuation;
import dev.vpnbot.domain.server.ServerId;
import dev.vpnbot.domain.user.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Persistence adapter: evacuations in {@code evacuations} and {@code evacuation_skips} (V23); figures counted from {@code key_moves}. */
final class PostgresEvacuations implements Evacuations {
    private static final int LISTED = 10;

    private final Database db;

    PostgresEvacuations(Database db) {
        this.db = db;
    }

    @Override
    public Optional<Evacuation> start(ServerId server, ServerId target, UserId by, Instant now) {
        return db.withHandle(h -> h.createQuery("""
                        INSERT INTO evacuations (id, server_id, target_server_id, requested_by, requested_at, phase)
                        VALUES (nextval('evacuation_ids'), :server, :target, :by, :now, 'PLANNING')
                        ON CONFLICT (server_id) WHERE phase <> 'FINISHED' DO NOTHING
                        RETURNING *""")
                .bind("server", server.value())
                .bindByType("target", target == null ? null : target.value(), Long.class)
                .bind("by", by.telegramId())
                .bindByType("now", now, Instant.class)
                .map((rs, ctx) -> evacuation(rs))
                .findOne());
    }

    @Override
    public Optional<Evacuation> find(long id) {
        return db.withHandle(h -> h.createQuery("SELECT * FROM evacuations WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> evacuation(rs)).findOne());
    }

    @Override
    public Optional<Evacuation> latestOf(ServerId server) {
        return db.withHandle(h -> h.createQuery("SELECT * FROM evacuations WHERE server_id = :server ORDER BY id DESC LIMIT 1")
                .bind("server", server.value()).map((rs, ctx) -> evacuation(rs)).findOne());
    }

    @Override
    public List<Evacuation> unfinished() {
        return db.withHandle(h -> h.createQuery("SELECT * FROM evacuations WHERE phase <> 'FINISHED' ORDER BY id")
                .map((rs, ctx) -> evacuation(rs)).list());
    }

    @Override
    public void planned(long id, KeyId key) {
        db.withHandle(h -> h.createUpdate("UPDATE evacuations SET cursor_key_id = greatest(coalesce(cursor_key_id, 0), :key) WHERE id = :id")
                .bind("id", id).bind("key", key.value()).execute());
    }

    @Override
    public void planningDone(long id) {
        db.withHandle(h -> h.createUpdate("UPDATE evacuations SET phase = 'MOVING' WHERE id = :id AND phase = 'PLANNING'")
                .bind("id", id).execute());
    }

    @Override
    public boolean finish(long id, Instant now) {
        return db.withHandle(h -> h.createUpdate("UPDATE evacuations SET phase = 'FINISHED', finished_at = :now WHERE id = :id AND phase <> 'FINISHED'")
                .bind("id", id).bindByType("now", now, Instant.class).execute()) == 1;
    }

    @Override
    public void skipped(long id, KeyId key, String reason) {
        db.withHandle(h -> h.createUpdate("""
                        INSERT INTO evacuation_skips (evacuation_id, key_id, reason) VALUES (:id, :key, :reason)
                        ON CONFLICT (evacuation_id, key_id) DO NOTHING""")
                .bind("id", id).bind("key", key.value()).bind("reason", reason).execute());
    }

    @Override
    public EvacuationProgress progress(long id) {
        return db.withHandle(h -> {
            Map<String, Integer> states = new TreeMap<>();
            h.createQuery("SELECT state, count(*) AS n FROM key_moves WHERE evacuation_id = :id GROUP BY state").bind("id", id)
                    .map((rs, ctx) -> states.put(rs.getString("state"), rs.getInt("n"))).list();
            Map<String, Integer> reasons = new TreeMap<>();
            h.createQuery("SELECT reason, count(*) AS n FROM evacuation_skips WHERE evacuation_id = :id GROUP BY reason").bind("id", id)
                    .map((rs, ctx) -> reasons.put(rs.getString("reason"), rs.getInt("n"))).list();
            List<String> failures = h.createQuery("""
                            SELECT 'key ' || key_id || ': ' || failure FROM key_moves WHERE evacuation_id = :id AND state = 'FAILED'
                             ORDER BY id LIMIT :limit""")
                    .bind("id", id).bind("limit", LISTED).mapTo(String.class).list();
            List<String> waiting = h.createQuery("""
                            SELECT 'key ' || key_id || ': ' || last_error FROM key_moves
                             WHERE evacuation_id = :id AND state IN ('REQUESTED', 'TARGET_PLACED') AND last_error IS NOT NULL
                             ORDER BY id LIMIT :limit""")
                    .bind("id", id).bind("limit", LISTED).mapTo(String.class).list();
            int moved = states.getOrDefault("SOURCE_DISABLED", 0) + states.getOrDefault("DONE", 0);
            int open = states.getOrDefault("REQUESTED", 0) + states.getOrDefault("TARGET_PLACED", 0);
            int skipped = reasons.values().stream().mapToInt(Integer::intValue).sum();
            return new EvacuationProgress(moved, open, states.getOrDefault("FAILED", 0), skipped, reasons, failures, waiting);
        });
    }

    @Override
    public List<Evacuation> startedBetween(Instant from, Instant to, int limit) {
        List<Evacuation> found = new ArrayList<>();
        db.withHandle(h -> h.createQuery("""
                        SELECT * FROM evacuations WHERE requested_at >= :from AND requested_at < :to ORDER BY id DESC LIMIT :limit""")
                .bindByType("from", from, Instant.class).bindByType("to", to, Instant.class).bind("limit", limit)
                .map((rs, ctx) -> found.add(evacuation(rs))).list());
        return found;
    }

    private static Evacuation evacuation(ResultSet rs) throws SQLException {
        Long target = Columns.optionalLong(rs, "target_server_id");
        Long cursor = Columns.optionalLong(rs, "cursor_key_id");
        return new Evacuation(rs.getLong("id"), new ServerId(rs.getLong("server_id")), target == null ? null : new ServerId(target),
                new UserId(rs.getLong("requested_by")), Columns.instant(rs, "requested_at"), Evacuation.Phase.valueOf(rs.getString("phase")),
                cursor == null ? null : new KeyId(cursor),
                rs.getTimestamp("finished_at") == null ? null : Columns.instant(rs, "finished_at"));
    }
}
