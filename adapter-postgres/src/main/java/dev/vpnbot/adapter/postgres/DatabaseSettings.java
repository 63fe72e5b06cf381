package dev.vpnbot.adapter.postgres;

import java.time.Duration;
import java.util.Objects;
import java.util.Properties;
import java.util.regex.Pattern;
import org.postgresql.Driver;

/**
 * Where the database is and how to log in: JDBC URL, user, password, the schema our tables live
 * in, and the pool's limits. The password never appears in {@link #toString()}.
 *
 * @param schema            the schema Flyway migrates and the pool puts first on the search_path
 * @param maxPoolSize       connections at most; see {@link #DEFAULT_POOL_SIZE}
 * @param connectionTimeout how long a caller waits for a connection before the database counts as unreachable
 */
public record DatabaseSettings(String jdbcUrl, String user, String password, String schema,
                               int maxPoolSize, Duration connectionTimeout) {

    public static final String DEFAULT_SCHEMA = "vpnbot";

    /**
     * Sized for a 2-core machine: (2 × cores) + 1, the PostgreSQL wiki's rule of thumb. More
     * connections would only queue inside the server; callers wait in the pool instead.
     */
    public static final int DEFAULT_POOL_SIZE = 2 * 2 + 1;

    public static final Duration DEFAULT_CONNECTION_TIMEOUT = Duration.ofSeconds(10);

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    public DatabaseSettings {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(connectionTimeout, "connectionTimeout");
        jdbcUrl = jdbcUrl.trim();
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("the database URL must start with jdbc:postgresql:, e.g. jdbc:postgresql://127.0.0.1:5432/vpnbot");
        }
        if (Driver.parseURL(jdbcUrl, null) == null) {
            throw new IllegalArgumentException("the database URL is not a valid PostgreSQL JDBC URL");
        }
        if (user.isBlank()) throw new IllegalArgumentException("the database user must not be blank");
        password = password == null ? "" : password;
        requireIdentifier(schema, "schema");
        if (maxPoolSize < 1 || maxPoolSize > 100) {
            throw new IllegalArgumentException("pool size must be 1..100, got " + maxPoolSize);
        }
        if (connectionTimeout.toMillis() < 250) {
            throw new IllegalArgumentException("connection timeout must be at least 250 ms");
        }
    }

    public DatabaseSettings(String jdbcUrl, String user, String password) {
        this(jdbcUrl, user, password, DEFAULT_SCHEMA, DEFAULT_POOL_SIZE, DEFAULT_CONNECTION_TIMEOUT);
    }

    public DatabaseSettings withSchema(String newSchema) {
        return new DatabaseSettings(jdbcUrl, user, password, newSchema, maxPoolSize, connectionTimeout);
    }

    public DatabaseSettings withLogin(String newUser, String newPassword) {
        return new DatabaseSettings(jdbcUrl, newUser, newPassword, schema, maxPoolSize, connectionTimeout);
    }

    public DatabaseSettings withMaxPoolSize(int newMaxPoolSize) {
        return new DatabaseSettings(jdbcUrl, user, password, schema, newMaxPoolSize, connectionTimeout);
    }

    public DatabaseSettings withConnectionTimeout(Duration newTimeout) {
        return new DatabaseSettings(jdbcUrl, user, password, schema, maxPoolSize, newTimeout);
    }

    /** The server's host (the first one, if the URL lists several). */
    public String host() {
        return urlPart("PGHOST").split(",")[0];
    }

    public String port() {
        return urlPart("PGPORT").split(",")[0];
    }

    public String database() {
        return urlPart("PGDBNAME");
    }

    /** "host:port/database": where we connect, for messages. */
    public String target() {
        return host() + ":" + port() + "/" + database();
    }

    private String urlPart(String key) {
        Properties parsed = Driver.parseURL(jdbcUrl, null);
        return parsed == null ? "?" : parsed.getProperty(key, "?");
    }

    /** Role and schema names go into DDL, where they cannot be bound: only plain lower-case names pass. */
    static String requireIdentifier(String name, String what) {
        if (name == null || !IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException(what + " must match [a-z_][a-z0-9_]{0,62}, got '" + name + "'");
        }
        return name;
    }

    @Override
    public String toString() {
        return "DatabaseSettings[" + target() + ", user=" + user + ", password=***, schema=" + schema
                + ", maxPoolSize=" + maxPoolSize + ", connectionTimeout=" + connectionTimeout + "]";
    }
}
