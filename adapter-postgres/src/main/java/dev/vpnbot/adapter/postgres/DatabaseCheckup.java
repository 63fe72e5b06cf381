package dev.vpnbot.adapter.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;

/**
 * What {@code vpnbot doctor} asks the database, changing nothing: the server's version, the
 * schema's migrations (applied, pending) and what the login may do (superuser, create objects).
 */
public final class DatabaseCheckup {

    /**
     * @param serverVersionNumber e.g. 150004 for 15.4
     * @param schemaVersion       the last migration applied, null on an empty schema
     * @param pending             migrations this build has and the schema lacks ("5 - outbox")
     * @param superuser           the login is a superuser (the bot should not run as one)
     * @param mayChangeSchema     the login may create tables in the schema (the owner), not just rows (the runtime role)
     */
    public record Report(String serverVersion, int serverVersionNumber, String schemaVersion, int applied, List<String> pending,
                         String user, boolean superuser, boolean mayChangeSchema) {}

    /** The login may create tables in our schema, or create the schema when there is none yet. */
    private static final String MAY_CHANGE_SCHEMA = "SELECT CASE WHEN EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = ?) "
            + "THEN has_schema_privilege(?, 'CREATE') ELSE has_database_privilege(current_database(), 'CREATE') END";

    private DatabaseCheckup() {}

    /**
     * Whether this login is the schema's owner kind (it migrates at start) or the runtime role
     * (rows only: it serves a schema the owner migrated). Throws {@link DatabaseUnavailable}
     * when the database cannot be reached.
     */
    public static boolean mayChangeSchema(DatabaseSettings settings) {
        java.util.Properties login = new java.util.Properties();
        login.setProperty("user", settings.user());
        login.setProperty("password", settings.password());
        login.setProperty("connectTimeout", String.valueOf(Math.max(1, settings.connectionTimeout().toSeconds())));
        try (Connection c = java.sql.DriverManager.getConnection(settings.jdbcUrl(), login)) {
            return flag(c, MAY_CHANGE_SCHEMA, settings.schema());
        } catch (SQLException e) {
            throw DatabaseUnavailable.explain(e, settings).<RuntimeException>map(clear -> clear)
                    .orElseGet(() -> new IllegalStateException("database " + settings.target() + ": " + e.getMessage(), e));
        }
    }

    /** Connects once, reads, disconnects; throws {@link DatabaseUnavailable} when the database cannot be reached. */
    public static Report run(DatabaseSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("vpnbot-doctor");
        config.setJdbcUrl(settings.jdbcUrl());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(2);
        config.setConnectionTimeout(settings.connectionTimeout().toMillis());
        config.setInitializationFailTimeout(1);
        config.addDataSourceProperty("connectTimeout", Math.max(1, settings.connectionTimeout().toSeconds()));
        try (HikariDataSource pool = new HikariDataSource(config)) {
            MigrationInfoService info = Flyway.configure().dataSource(pool).schemas(settings.schema())
                    .locations("classpath:db/migration").load().info();
            MigrationInfo current = info.current();
            List<String> pending = Arrays.stream(info.pending()).map(m -> m.getVersion() + " - " + m.getDescription()).toList();
            try (Connection c = pool.getConnection()) {
                return new Report(text(c, "SHOW server_version"), Integer.parseInt(text(c, "SHOW server_version_num")),
                        current == null ? null : current.getVersion().toString(),
                        // not Flyway's own "schema created" marker row
                        (int) Arrays.stream(info.applied()).filter(m -> !m.getType().isSynthetic()).count(), pending,
                        text(c, "SELECT current_user"), flag(c, "SELECT rolsuper FROM pg_roles WHERE rolname = current_user", null),
                        flag(c, MAY_CHANGE_SCHEMA, settings.schema()));
            }
        } catch (SQLException | RuntimeException e) {
            throw DatabaseUnavailable.explain(e, settings).<RuntimeException>map(clear -> clear)
                    .orElseGet(() -> e instanceof RuntimeException r ? r : new IllegalStateException(e.getMessage(), e));
        }
    }

    private static String text(Connection c, String sql) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql); ResultSet r = s.executeQuery()) {
            r.next();
            return r.getString(1);
        }
    }

    private static boolean flag(Connection c, String sql, String schema) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            if (schema != null) {
                s.setString(1, schema);
                s.setString(2, schema);
            }
            try (ResultSet r = s.executeQuery()) {
                return r.next() && r.getBoolean(1);
            }
        }
    }
}
