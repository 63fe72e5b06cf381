package dev.vpnbot.adapter.postgres.contract;

import dev.vpnbot.adapter.postgres.PostgresPersistence;
import dev.vpnbot.adapter.postgres.testing.TestSchema;
import dev.vpnbot.application.contract.persistence.Persistence;
import dev.vpnbot.application.contract.persistence.PersistenceContract;
import dev.vpnbot.application.fixtures.MutableClock;

/** Test fixture: the persistence contracts' subject over the PostgreSQL adapter. */
public final class PostgresPorts {
    private PostgresPorts() {}

    /** The test class's PostgreSQL adapter on its schema, emptied, with the clock back at {@link PersistenceContract#NOW}. */
    public static Persistence emptied(PostgresPersistence db, TestSchema schema, MutableClock clock) {
        schema.truncateAll();
        clock.set(PersistenceContract.NOW);
        return of(db, clock);
    }

    public static Persistence of(PostgresPersistence db, MutableClock clock) {
        return new Persistence(db.users(), db.tariffs(), db.servers(), db.keys(), db.orders(), db.paymentEvents(),
                db.fulfilmentJobs(), db.conversationStates(), db.sentNotifications(), db.transactions(), clock, db.orderNotices(), db.starPayments());
    }
}
