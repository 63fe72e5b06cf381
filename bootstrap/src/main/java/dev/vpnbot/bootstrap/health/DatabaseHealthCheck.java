package dev.vpnbot.bootstrap.health;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** The database is up when a connection can be had and answers a validity probe. */
public final class DatabaseHealthCheck implements HealthCheck {
    private static final int VALIDITY_TIMEOUT_SECONDS = 2;
    private final DataSource dataSource;

    public DatabaseHealthCheck(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public String name() {
        return "database";
    }

    @Override
    public Health check() {
        long start = System.nanoTime();
        try (Connection c = dataSource.getConnection()) {
            if (!c.isValid(VALIDITY_TIMEOUT_SECONDS)) return Health.down("connection is not valid");
            return Health.up("answered in " + (System.nanoTime() - start) / 1_000_000 + " ms");
        } catch (SQLException e) {
            // the driver's message names host and cause, never the password
            return Health.down(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }
}
