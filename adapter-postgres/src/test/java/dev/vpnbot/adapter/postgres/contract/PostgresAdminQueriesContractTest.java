package dev.vpnbot.adapter.postgres.contract;

import dev.vpnbot.adapter.postgres.PostgresPersistence;
import dev.vpnbot.adapter.postgres.testing.PostgresTest;
import dev.vpnbot.adapter.postgres.testing.TestSchema;
import dev.vpnbot.application.contract.persistence.AbstractAdminQueriesContractTest;
import dev.vpnbot.application.fixtures.MutableClock;

/** The admin queries contract against PostgreSQL. */
@PostgresTest
class PostgresAdminQueriesContractTest extends AbstractAdminQueriesContractTest {
    PostgresAdminQueriesContractTest(PostgresPersistence db, TestSchema schema, MutableClock clock) {
        super(() -> PostgresPorts.emptied(db, schema, clock),
                p -> new AdminPorts(db.shopFigures(), db.audiences(), db.broadcasts()));
    }
}
