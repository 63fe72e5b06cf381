package dev.vpnbot.adapter.postgres.contract;

import dev.vpnbot.adapter.postgres.PostgresPersistence;
import dev.vpnbot.adapter.postgres.testing.PostgresTest;
import dev.vpnbot.adapter.postgres.testing.TestSchema;
import dev.vpnbot.application.contract.persistence.AbstractGrowthStoresContractTest;
import dev.vpnbot.application.fixtures.MutableClock;

/** The growth stores' contract against PostgreSQL. */
@PostgresTest
class PostgresGrowthStoresContractTest extends AbstractGrowthStoresContractTest {
    PostgresGrowthStoresContractTest(PostgresPersistence db, TestSchema schema, MutableClock clock) {
        super(() -> PostgresPorts.emptied(db, schema, clock), p -> new Stores(db.trials(), db.referrals(), db.growthFlags()));
    }
}
