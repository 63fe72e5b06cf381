package dev.vpnbot.adapter.postgres.contract;

import dev.vpnbot.adapter.postgres.PostgresPersistence;
import dev.vpnbot.adapter.postgres.testing.PostgresTest;
import dev.vpnbot.adapter.postgres.testing.TestSchema;
import dev.vpnbot.application.contract.persistence.AbstractOrderNoticesContractTest;
import dev.vpnbot.application.fixtures.MutableClock;

/** The {@code OrderNotices} contract against PostgreSQL. */
@PostgresTest
class PostgresOrderNoticesContractTest extends AbstractOrderNoticesContractTest {
    PostgresOrderNoticesContractTest(PostgresPersistence db, TestSchema schema, MutableClock clock) {
        super(() -> PostgresPorts.emptied(db, schema, clock));
    }
}
