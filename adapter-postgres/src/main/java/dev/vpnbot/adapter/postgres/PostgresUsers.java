package dev.vpnbot.adapter.postgres;

import dev.vpnbot.application.port.out.Users;
import dev.vpnbot.domain.user.Language;
import dev.vpnbot.domain.user.User;
import dev.vpnbot.domain.user.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/** Persistence adapter: users in the {@code users} table, keyed by Telegram user id. */
final class PostgresUsers implements Users {
    private final Database db;

    PostgresUsers(Database db) {
        this.db = db;
    }

    @Override
    public Optional<User> find(UserId id) {
        return db.withHandle(h -> h.createQuery("SELECT * FROM users WHERE id = :id")
                .bind("id", id.telegramId())
                .map((rs, ctx) -> user(rs))
                .findOne());
    }

    @Override
    public Optional<User> findByUsername(String username) {
        Objects.requireNonNull(username, "username");
        String wanted = username.strip().replaceFirst("^@", "").toLowerCase(Locale.ROOT);
        if (wanted.isEmpty()) return Optional.empty();
        // no ORDER BY … LIMIT here: it tempts the planner into walking the primary key instead of the
        // username index; a name is held by one user, and stale duplicates are settled in Java
        return db.withHandle(h -> h.createQuery("SELECT * FROM users WHERE lower(username) = :username")
                        .bind("username", wanted)
                        .map((rs, ctx) -> user(rs))
                        .list())
                .stream().min(Comparator.comparingLong(u -> u.id().telegramId()));
    }

    @Override
    public void save(User user) {
        db.withHandle(h -> h.createUpdate("""
                        INSERT INTO users (id, first_name, username, language, time_zone, blocked, registered_at, banned)
                        VALUES (:id, :firstName, :username, :language, :timeZone, :blocked, :registeredAt, :banned)
                        ON CONFLICT (id) DO UPDATE SET first_name = excluded.first_name, username = excluded.username,
                            language = excluded.language, time_zone = excluded.time_zone, blocked = excluded.blocked,
                            registered_at = excluded.registered_at, banned = excluded.banned""")
                .bind("id", user.id().telegramId())
                .bind("firstName", user.firstName())
                .bindByType("username", user.username(), String.class)
                .bind("language", user.language().name())
                .bindByType("timeZone", user.timeZone() == null ? null : user.timeZone().getId(), String.class)
                .bind("blocked", user.blocked())
                .bindByType("registeredAt", user.registeredAt(), Instant.class)
                .bind("banned", user.banned())
                .execute());
    }

    private static User user(ResultSet rs) throws SQLException {
        String zone = rs.getString("time_zone");
        return new User(new UserId(rs.getLong("id")), rs.getString("first_name"), rs.getString("username"),
                Language.valueOf(rs.getString("language")), zone == null ? null : ZoneId.of(zone),
                rs.getBoolean("blocked"), Columns.instant(rs, "registered_at"), rs.getBoolean("banned"));
    }
}
