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
import org.jdbi.v3.core.extension.HandleSupplier;
import org.postgresql.util.PSQLException;

/**
 * The Jdbi handle each thread works with. Inside {@link #inTransaction} every repository call on
 * that thread uses the transaction's handle (Jdbi keeps the open handle in its thread-bound
 * {@link org.jdbi.v3.core.HandleScope}), so their writes commit together and row locks last until
 * the end; nested calls join. Outside, each call takes a connection from the pool in autocommit mode.
 *
 * <p>Also the one place where failures to reach the database become {@link DatabaseUnavailable}.
 */
final class Database {

    private final Jdbi jdbi;
    private final DatabaseSettings settings;

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
        try {
            return jdbi.withHandle(work::apply);
        } catch (RuntimeException e) {
            throw explained(e);
        }
    }

    /**
     * Runs {@code work} in one transaction; joins the thread's open transaction if there is one.
     * Work that throws rolls back, and its exception goes on (a failed rollback is attached to it).
     */
    <T> T inTransaction(Supplier<T> work) {
        try {
            return jdbi.inTransaction(handle -> work.get());
        } catch (RuntimeException e) {
            throw explained(e);
        }
    }

    /** The open transaction's handle on this thread (for tests that must tune their session). */
    Optional<Handle> currentTransaction() {
        return Optional.ofNullable(jdbi.getHandleScope().get()).map(HandleSupplier::getHandle).filter(Handle::isInTransaction);
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
