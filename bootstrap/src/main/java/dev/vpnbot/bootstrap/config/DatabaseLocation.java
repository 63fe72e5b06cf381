package dev.vpnbot.bootstrap.config;

import dev.vpnbot.adapter.postgres.DatabaseSettings;
import dev.vpnbot.bootstrap.config.DatabaseConfig;
import dev.vpnbot.bootstrap.config.Secret;
import java.util.Objects;

/**
 * Where the bot's PostgreSQL is and how to sign in: DATABASE_URL as configured, or the embedded
 * database the bot started itself. What the persistence module builds its pool from.
 *
 * @param password null when the database asks for none
 */
public record DatabaseLocation(String jdbcUrl, String user, Secret password, boolean embedded) {
    public DatabaseLocation {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        if (!jdbcUrl.startsWith("jdbc:postgresql://")) throw new IllegalArgumentException("not a PostgreSQL JDBC URL");
    }

    public static DatabaseLocation configured(DatabaseConfig config) {
        if (config.isEmbedded()) throw new IllegalArgumentException("no DATABASE_URL configured");
        return new DatabaseLocation(config.url(), config.user(), config.password(), false);
    }

    /** The embedded database the bot started (or joined): always with a password. */
    public static DatabaseLocation embedded(DatabaseSettings started) {
        return new DatabaseLocation(started.jdbcUrl(), started.user(), Secret.of(started.password()), true);
    }

    /** The URL without its query, which may carry a password. */
    @Override
    public String toString() {
        return "DatabaseLocation[" + jdbcUrl.replaceAll("\\?.*$", "?…") + ", user=" + user
                + (embedded ? ", embedded" : "") + "]";
    }
}
