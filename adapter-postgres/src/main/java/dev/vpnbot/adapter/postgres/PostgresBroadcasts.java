package dev.vpnbot.adapter.postgres;

import dev.vpnbot.application.port.out.admin.Broadcasts;
import dev.vpnbot.domain.broadcast.Audience;
import dev.vpnbot.domain.broadcast.Broadcast;
import dev.vpnbot.domain.broadcast.LinkButton;
import dev.vpnbot.domain.user.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Persistence adapter: broadcasts and their progress in the {@code broadcasts} table. */
final class PostgresBroadcasts implements Broadcasts {
    private final Database db;

    PostgresBroadcasts(Database db) {
        this.db = db;
    }

    @Override
    public long nextId() {
        return db.withHandle(h -> h.createQuery("SELECT nextval('broadcast_ids')").mapTo(Long.class).one());
    }

    @Override
    public void save(Broadcast b) {
        db.withHandle(h -> h.createUpdate("""
                        INSERT INTO broadcasts (id, author_id, text, audience, status, sent, blocked, failed, last_recipient, created_at,
                                                photo, button_label, button_url, within_days)
                        VALUES (:id, :author, :text, :audience, :status, :sent, :blocked, :failed, :cursor, :createdAt,
                                :photo, :buttonLabel, :buttonUrl, :withinDays)
                        ON CONFLICT (id) DO UPDATE SET status = excluded.status, sent = excluded.sent,
                            blocked = excluded.blocked, failed = excluded.failed, last_recipient = excluded.last_recipient,
                            button_label = excluded.button_label, button_url = excluded.button_url""")
                .bind("id", b.id())
                .bind("author", b.author().telegramId())
                .bind("text", b.text())
                .bind("audience", b.audience().name())
                .bind("status", b.status().name())
                .bind("sent", b.sent())
                .bind("blocked", b.blocked())
                .bind("failed", b.failed())
                .bind("cursor", b.lastRecipient())
                .bindByType("createdAt", b.createdAt(), Instant.class)
                .bind("photo", b.photo())
                .bind("buttonLabel", b.button() == null ? null : b.button().label())
                .bind("buttonUrl", b.button() == null ? null : b.button().url())
                .bind("withinDays", b.withinDays())
                .execute());
    }

    @Override
    public Optional<Broadcast> find(long id) {
        return db.withHandle(h -> h.createQuery("SELECT * FROM broadcasts WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> broadcast(rs))
                .findOne());
    }

    @Override
    public List<Broadcast> sending() {
        return db.withHandle(h -> h.createQuery("SELECT * FROM broadcasts WHERE status = 'SENDING' ORDER BY id")
                .map((rs, ctx) -> broadcast(rs))
                .list());
    }

    private static Broadcast broadcast(ResultSet rs) throws SQLException {
        return new Broadcast(rs.getLong("id"), new UserId(rs.getLong("author_id")), rs.getString("text"),
                Audience.valueOf(rs.getString("audience")), Broadcast.Status.valueOf(rs.getString("status")),
                rs.getInt("sent"), rs.getInt("blocked"), rs.getInt("failed"), rs.getLong("last_recipient"),
                Columns.instant(rs, "created_at"), rs.getString("photo"),
                rs.getString("button_url") == null ? null : new LinkButton(rs.getString("button_label"), rs.getString("button_url")),
                rs.getInt("within_days"));
    }
}
