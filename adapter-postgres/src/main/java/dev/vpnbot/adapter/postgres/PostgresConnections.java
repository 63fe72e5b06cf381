package dev.vpnbot.adapter.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.api.output.ValidateResult;

/**
 * How {@link PostgresPersistence} reaches the database: the connection pools, the Flyway schema
 * migrations and their check, and the owner's one-off connection for role grants.
 */
final class PostgresConnections {
    private static final String MIGRATIONS = "classpath:db/migration";

    private PostgresConnections() {
    }

    /**
     * Applies the migrations this build has and the schema lacks, as the login in
     * {@code owner} (which must be allowed to create tables in the schema). Safe to run from
     * several instances at once: Flyway serialises them with an advisory lock.
     */
    static MigrationReport migrate(DatabaseSettings owner) {
        try (HikariDataSource pool = pool(owner, 2, null)) { // Flyway holds one connection for its lock, one to migrate
            return migrate(pool, owner);
        } catch (RuntimeException e) {
            throw DatabaseUnavailable.clarify(e, owner);
        }
    }

    private static MigrationReport migrate(DataSource dataSource, DatabaseSettings settings) {
        MigrateResult result = flyway(dataSource, settings).migrate();
        String reached = result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
        return new MigrationReport(settings.schema(), result.initialSchemaVersion, reached, result.migrationsExecuted);
    }

    static void requireCurrentSchema(DataSource dataSource, DatabaseSettings settings) {
        ValidateResult result = flyway(dataSource, settings).validateWithResult();
        if (!result.validationSuccessful) {
            throw new IllegalStateException("database " + settings.target() + ", schema " + settings.schema()
                    + ", is not at this build's version; run the migrate command with the owner's login first. "
                    + result.getAllErrorMessages());
        }
    }

    private static Flyway flyway(DataSource dataSource, DatabaseSettings settings) {
        return Flyway.configure()
                .dataSource(dataSource)
                .schemas(settings.schema())
                .locations(MIGRATIONS)
                .validateMigrationNaming(true)
                .load();
    }

    static HikariDataSource pool(DatabaseSettings settings, int size, String connectionInitSql) {
        return new HikariDataSource(config("vpnbot-db", settings, size, size, connectionInitSql));
    }

    static HikariConfig config(String name, DatabaseSettings settings, int size, int minimumIdle, String connectionInitSql) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setJdbcUrl(settings.jdbcUrl());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setSchema(settings.schema());
        // a fixed-size pool: connections are cheap to keep and costly to open under load
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(minimumIdle);
        config.setConnectionTimeout(settings.connectionTimeout().toMillis());
        config.setValidationTimeout(Math.min(5_000, settings.connectionTimeout().toMillis()));
        config.setKeepaliveTime(120_000);
        config.setInitializationFailTimeout(1); // fail at once when the first connection cannot be made
        if (connectionInitSql != null) config.setConnectionInitSql(connectionInitSql);
        config.addDataSourceProperty("ApplicationName", "vpnbot");
        config.addDataSourceProperty("connectTimeout", Math.max(1, settings.connectionTimeout().toSeconds()));
        config.addDataSourceProperty("tcpKeepAlive", true);
        return config;
    }

    /** Runs {@code statements} in one transaction as {@code owner}, on a connection of its own (no bot pool, no secret key). */
    static void grant(DatabaseSettings owner, List<String> statements, String role) {
        try (HikariDataSource pool = pool(owner, 1, null); java.sql.Connection c = pool.getConnection();
             java.sql.Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            for (String statement : statements) s.execute(statement);
            c.commit();
        } catch (java.sql.SQLException | RuntimeException e) {
            throw DatabaseUnavailable.explain(e, owner).<RuntimeException>map(clear -> clear)
                    .orElseGet(() -> new IllegalStateException("could not grant role " + role + " its runtime privileges: " + e.getMessage(), e));
        }
    }
}
