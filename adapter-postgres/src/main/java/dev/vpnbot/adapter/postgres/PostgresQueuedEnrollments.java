package dev.vpnbot.adapter.postgres;

import dev.vpnbot.application.port.out.enrollment.QueuedEnrollment;
import dev.vpnbot.application.port.out.enrollment.QueuedEnrollments;
import java.time.Instant;
import java.util.Optional;

/**
 * Persistence adapter: the database route's queue, {@code node_enrollments}. Taking a row is one
 * statement: the oldest waiting row is locked (skipping rows another instance is taking), marked
 * taken and stripped of its token and secrets; the statement returns the values as they were.
 */
final class PostgresQueuedEnrollments implements QueuedEnrollments {
    private final Database db;

    PostgresQueuedEnrollments(Database db) {
        this.db = db;
    }

    @Override
    public Optional<QueuedEnrollment> takeNext(Instant now) {
        return db.withHandle(h -> h.createQuery("""
                        WITH picked AS (
                            SELECT * FROM node_enrollments WHERE taken_at IS NULL ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED)
                        UPDATE node_enrollments n
                           SET taken_at = :now, token = NULL, panel_password = NULL, panel_api_token = NULL
                          FROM picked
                         WHERE n.id = picked.id
                        RETURNING picked.id, picked.token, picked.server_name, picked.panel_url, picked.panel_username,
                                  picked.panel_password, picked.panel_api_token, picked.cert_sha256, picked.inbound_port,
                                  picked.reality_sni""")
                .bindByType("now", now, Instant.class)
                .map((rs, ctx) -> new QueuedEnrollment(rs.getLong("id"), rs.getString("token"), rs.getString("server_name"),
                        rs.getString("panel_url"), rs.getString("panel_username"), rs.getString("panel_password"),
                        rs.getString("panel_api_token"), rs.getString("cert_sha256"), rs.getInt("inbound_port"),
                        rs.getString("reality_sni")))
                .findOne());
    }

    @Override
    public void finish(long id, String outcome, Instant when) {
        db.withHandle(h -> h.createUpdate("UPDATE node_enrollments SET outcome = :outcome, finished_at = :when WHERE id = :id")
                .bind("outcome", outcome)
                .bindByType("when", when, Instant.class)
                .bind("id", id)
                .execute());
    }
}
