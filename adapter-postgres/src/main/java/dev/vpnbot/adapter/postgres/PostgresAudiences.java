package dev.vpnbot.adapter.postgres;

import dev.vpnbot.application.port.out.admin.Audiences;
import dev.vpnbot.domain.broadcast.Audience;
import dev.vpnbot.domain.user.UserId;
import java.time.Instant;
import org.jdbi.v3.core.statement.Query;
import java.util.List;

/** Audience adapter: broadcast recipients by a WHERE clause per audience; blocked users never. */
final class PostgresAudiences implements Audiences {
    private final Database db;

    PostgresAudiences(Database db) {
        this.db = db;
    }

    @Override
    public long count(Audience audience, Instant now) {
        return db.withHandle(h -> at(h.createQuery("SELECT count(*) FROM users u WHERE " + filter(audience)), audience, now)
                .mapTo(Long.class).one());
    }

    @Override
    public List<UserId> page(Audience audience, Instant now, long afterTelegramId, int limit) {
        return db.withHandle(h -> at(h.createQuery("SELECT u.id FROM users u WHERE " + filter(audience)
                        + " AND u.id > :after ORDER BY u.id LIMIT :limit"), audience, now)
                .bind("after", afterTelegramId)
                .bind("limit", limit)
                .mapTo(Long.class)
                .map(UserId::new)
                .list());
    }

    /** Audiences that look at keys compare their expiry with now; ALL has nothing to bind. */
    private static Query at(Query query, Audience audience, Instant now) {
        return audience == Audience.ALL ? query : query.bindByType("now", now, Instant.class);
    }

    /** A fixed clause per audience: no caller text ever reaches the SQL. */
    private static String filter(Audience audience) {
        String delivered = "k.user_id = u.id AND k.status IN ('ACTIVE', 'DISABLED')";
        return "NOT u.blocked AND " + switch (audience) {
            case ALL -> "true";
            case WITH_ACTIVE_KEY -> "EXISTS (SELECT 1 FROM vpn_keys k WHERE " + delivered + " AND k.status = 'ACTIVE' AND k.expires_at > :now)";
            case WITH_EXPIRED_KEY -> "EXISTS (SELECT 1 FROM vpn_keys k WHERE " + delivered + ")"
                    + " AND NOT EXISTS (SELECT 1 FROM vpn_keys k WHERE " + delivered + " AND k.expires_at > :now)";
        };
    }
}
