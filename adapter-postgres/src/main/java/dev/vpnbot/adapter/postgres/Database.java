package dev.vpnbot.adapter.postgres;

import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.postgresql.util.PSQLException;

/**
 * The Jdbi handle each thread works with. Inside {@link #inTransaction} every repository call on
 * that thread uses the transaction's handle (kept in a thread-local), so their writes commit
 * together and row locks last until the end; nested calls join. Outside, each call takes a
 * connection from the pool in autocommit mode.
 *
 * <p>Also the one place where failures to reach the database become {@link DatabaseUnavailable}.
 */
final class Database {

    private final Jdbi jdbi;
    private final DatabaseSettings settings;
    private final ThreadLocal<Handle> transaction = new ThreadLocal<>();

    Database(DataSource dataSource, DatabaseSettings settings) {
        this.settings = settings;
        this.jdbi = Jdbi.create(dataSource);
        // Instants go over the wire as UTC offsets and are read back as OffsetDateTime: neither
        // the JVM's zone nor the session's TimeZone can shift a stored instant.
        jdbi.registerArgument(new AbstractArgumentFactory<Instant>(Types.TIMESTAMP_WITH_TIMEZONE) {
            @Override
            protected Argument build(Instant value, ConfigRegistry config) {
                return (position, statement, ctx) -> statement.setObject(position, value.atOffset(ZoneOffset.UTC));
            }
        });
    }

    /** Runs {@code work} on this thread's transaction handle, or on a fresh autocommit handle. */
    <T> T withHandle(Function<Handle, T> work) {
        Handle current = transaction.get();
        if (current != null) return work.apply(current);
        try {
            return jdbi.withHandle(work::apply);
        } catch (RuntimeException e) {
            throw explained(e);
        }
    }

    /** Runs {@code work} in one transaction; joins the thread's open transaction if there is one. */
    <T> T inTransaction(Supplier<T> work) {
        if (transaction.get() != null) return work.get();
        Handle handle;
        try {
            handle = jdbi.open();
        } catch (RuntimeException e) {
            throw explained(e);
        }
        try {
            handle.begin();
        } catch (RuntimeException e) {
            closeQuietly(handle);
            throw explained(e);
        }
        transaction.set(handle);
        try {
            T result = work.get();
            handle.commit();
            return result;
        } catch (RuntimeException e) {
            rollback(handle, e);
            throw explained(e);
        } catch (Error e) {
            rollback(handle, e);
            throw e;
        } finally {
            transaction.remove();
            closeQuietly(handle);
        }
    }

    private static void closeQuietly(Handle handle) {
        try {
            handle.close();
        } catch (RuntimeException closeFailed) {
            // the connection is broken or already gone; the pool replaces it
        }
    }

    private static void rollback(Handle handle, Throwable failure) {
        try {
            handle.rollback();
        } catch (RuntimeException rollbackFailed) {
            failure.addSuppressed(rollbackFailed);
        }
    }

    /** The open transaction's handle on this thread (for tests that must tune their session). */
    Optional<Handle> currentTransaction() {
        return Optional.ofNullable(transaction.get());
    }

    DatabaseSettings settings() {
        return settings;
    }

    private RuntimeException explained(RuntimeException e) {
        return DatabaseUnavailable.clarify(e, settings);
    }

    /** True when {@code e} is PostgreSQL refusing a duplicate in a unique index. */
    static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) return true;
        }
        return false;
    }

    /** The constraint PostgreSQL named in {@code e}, or "?" . */
    static String violatedConstraint(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PSQLException psql && psql.getServerErrorMessage() != null
                    && psql.getServerErrorMessage().getConstraint() != null) {
                return psql.getServerErrorMessage().getConstraint();
            }
        }
        return "?";
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
