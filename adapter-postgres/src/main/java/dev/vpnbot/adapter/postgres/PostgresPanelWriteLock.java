package dev.vpnbot.adapter.postgres;

import dev.vpnbot.application.model.panel.PanelFault;
import dev.vpnbot.application.port.out.panel.PanelException;
import dev.vpnbot.application.port.out.panel.PanelWriteLock;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * {@link PanelWriteLock} as a PostgreSQL transaction-level advisory lock, one per panel URL,
 * on a connection of its own (not the thread's unit of work). PostgreSQL lets the lock go when
 * the transaction ends or the connection dies, so a crashed instance never blocks the others.
 */
final class PostgresPanelWriteLock implements PanelWriteLock {
    /** First key of the two-key advisory lock space: ours, apart from Flyway's and anyone else's. */
    private static final int PANEL_WRITES = 0x78756931; // "xui1"
    private static final String LOCK_NOT_AVAILABLE = "55P03";

    private final DataSource pool;
    private final Duration wait;

    PostgresPanelWriteLock(DataSource pool, Duration wait) {
        this.pool = pool;
        this.wait = wait;
    }

    @Override
    public <T> T whileHolding(String panel, Supplier<T> write) {
        for (int attempt = 1; ; attempt++) {
            try (Connection c = pool.getConnection()) {
                try {
                    c.setAutoCommit(false);
                    acquire(c, panel);
                } catch (SQLException e) {
                    rollbackQuietly(c);
                    // a pooled connection that died meanwhile (a database restart, a cut line): nothing
                    // was written yet, so one more try on a fresh one; the pool drops the dead one itself
                    if (attempt == 1 && isConnectionLost(e)) continue;
                    throw e;
                }
                try {
                    T result = write.get();
                    c.commit();
                    return result;
                } catch (RuntimeException | Error e) {
                    rollbackQuietly(c);
                    throw e;
                }
            } catch (SQLException e) {
                if (LOCK_NOT_AVAILABLE.equals(e.getSQLState())) {
                    throw new PanelException(PanelFault.BUSY, "another bot instance kept writing to panel " + panel
                            + " for more than " + wait.toSeconds() + " s");
                }
                throw new PanelException(PanelFault.BUSY, "could not take the write lock of panel " + panel
                        + " in the database: " + e.getMessage(), e);
            }
        }
    }

    private static boolean isConnectionLost(SQLException e) {
        String state = e.getSQLState();
        return state == null || state.startsWith("08") || state.equals("57P01"); // connection exception, admin shutdown
    }

    private void acquire(Connection c, String panel) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SET LOCAL lock_timeout = " + Math.max(1, wait.toMillis()));
        }
        try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(?, hashtext(?))")) {
            lock.setInt(1, PANEL_WRITES);
            lock.setString(2, panel);
            lock.execute();
        }
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the connection is gone, and with it the lock
        }
    }
}
