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
    public long count(Audience audience, int withinDays, Instant now) {
        return db.withHandle(h -> at(h.createQuery("SELECT count(*) FROM users u WHERE " + filter(audience)), audience, withinDays, now)
                .mapTo(Long.class).one());
    }

    @Override
    public List<UserId> page(Audience audience, int withinDays, Instant now, long afterTelegramId, int limit) {
        return db.withHandle(h -> at(h.createQuery("SELECT u.id FROM users u WHERE " + filter(audience)
                        + " AND u.id > :after ORDER BY u.id LIMIT :limit"), audience, withinDays, now)
                .bind("after", afterTelegramId)
                .bind("limit", limit)
                .mapTo(Long.class)
                .map(UserId::new)
                .list());
    }

    /** Audiences that look at keys compare their expiry with now (and the end of the window); the others bind nothing. */
    private static Query at(Query query, Audience audience, int withinDays, Instant now) {
        return switch (audience) {
            case ALL, NEVER_PAID, TRIAL_ONLY -> query;
            case WITH_ACTIVE_KEY, WITH_EXPIRED_KEY -> query.bindByType("now", now, Instant.class);
            case EXPIRING_SOON -> query.bindByType("now", now, Instant.class)
                    .bindByType("until", now.plus(java.time.Duration.ofDays(withinDays)), Instant.class);
        };
    }

    /** A fixed clause per audience: no caller text ever reaches the SQL. */
    private static String filter(Audience audience) {
        String delivered = "k.user_id = u.id AND k.status IN ('ACTIVE', 'DISABLED')";
        // paid: money came in (test payments play real ones); an admin grant or a zero amount is free
        String paid = "EXISTS (SELECT 1 FROM orders o WHERE o.user_id = u.id AND o.status IN ('PAID', 'FULFILLED')"
                + " AND o.amount_paid > 0 AND o.paid_via IS DISTINCT FROM 'GRANT')";
        String free = "EXISTS (SELECT 1 FROM orders o WHERE o.user_id = u.id AND o.status = 'FULFILLED'"
                + " AND (o.amount_paid = 0 OR o.paid_via = 'GRANT'))";
        return "NOT u.blocked AND NOT u.banned AND " + switch (audience) {
            case ALL -> "true";
            case WITH_ACTIVE_KEY -> "EXISTS (SELECT 1 FROM vpn_keys k WHERE " + delivered + " AND k.status = 'ACTIVE' AND k.expires_at > :now)";
            case WITH_EXPIRED_KEY -> "EXISTS (SELECT 1 FROM vpn_keys k WHERE " + delivered + ")"
                    + " AND NOT EXISTS (SELECT 1 FROM vpn_keys k WHERE " + delivered + " AND k.expires_at > :now)";
            case NEVER_PAID -> "NOT " + paid;
            case TRIAL_ONLY -> free + " AND NOT " + paid;
            case EXPIRING_SOON -> "EXISTS (SELECT 1 FROM vpn_keys k WHERE k.user_id = u.id AND k.status = 'ACTIVE'"
                    + " AND k.expires_at > :now AND k.expires_at <= :until)";
        };
    }
}
