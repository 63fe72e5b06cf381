package dev.vpnbot.adapter.postgres;

import dev.vpnbot.application.port.out.Transactions;
import java.util.function.Supplier;

/**
 * Transactions adapter: a unit of work on one PostgreSQL transaction. The repositories of the
 * same {@link PostgresPersistence} use its connection while it runs on this thread, so row locks
 * from {@code findForUpdate} hold until it ends; nested calls join it. Work that throws rolls
 * everything back and the exception goes on unchanged (or as {@link DatabaseUnavailable}).
 */
final class PostgresTransactions implements Transactions {
    private final Database db;

    PostgresTransactions(Database db) {
        this.db = db;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return db.inTransaction(work);
    }
}
