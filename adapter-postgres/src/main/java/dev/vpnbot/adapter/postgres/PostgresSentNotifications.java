package dev.vpnbot.adapter.postgres;

import dev.vpnbot.application.port.out.SentNotifications;
import java.util.Objects;

/**
 * Persistence adapter: the once-only ledger in {@code sent_notifications}. The primary key on
 * (kind, subject) settles races: of any number of concurrent claims exactly one inserts.
 */
final class PostgresSentNotifications implements SentNotifications {
    private final Database db;

    PostgresSentNotifications(Database db) {
        this.db = db;
    }

    @Override
    public boolean claim(String kind, String subject) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subject, "subject");
        return db.withHandle(h -> h.createUpdate("""
                        INSERT INTO sent_notifications (kind, subject) VALUES (:kind, :subject)
                        ON CONFLICT (kind, subject) DO NOTHING""")
                .bind("kind", kind).bind("subject", subject).execute()) == 1;
    }
}
