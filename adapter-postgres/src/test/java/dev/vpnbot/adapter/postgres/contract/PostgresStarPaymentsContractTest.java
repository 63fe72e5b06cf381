package dev.vpnbot.adapter.postgres.contract;

import dev.vpnbot.adapter.postgres.PostgresPersistence;
import dev.vpnbot.adapter.postgres.testing.PostgresTest;
import dev.vpnbot.adapter.postgres.testing.TestSchema;
import dev.vpnbot.application.contract.persistence.AbstractStarPaymentsContractTest;
import dev.vpnbot.application.fixtures.MutableClock;

/** The {@code StarPayments} contract against PostgreSQL. */
@PostgresTest
class PostgresStarPaymentsContractTest extends AbstractStarPaymentsContractTest {
    PostgresStarPaymentsContractTest(PostgresPersistence db, TestSchema schema, MutableClock clock) {
        super(() -> PostgresPorts.emptied(db, schema, clock));
    }
}
