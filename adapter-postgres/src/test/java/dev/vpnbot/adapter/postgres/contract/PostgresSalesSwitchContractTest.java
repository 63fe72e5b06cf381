package dev.vpnbot.adapter.postgres.contract;

import dev.vpnbot.adapter.postgres.PostgresPersistence;
import dev.vpnbot.adapter.postgres.testing.PostgresTest;
import dev.vpnbot.adapter.postgres.testing.TestSchema;
import dev.vpnbot.application.contract.persistence.AbstractSalesSwitchContractTest;
import dev.vpnbot.application.fixtures.MutableClock;

/** The sales switch contract against PostgreSQL. */
@PostgresTest
class PostgresSalesSwitchContractTest extends AbstractSalesSwitchContractTest {
    PostgresSalesSwitchContractTest(PostgresPersistence db, TestSchema schema, MutableClock clock) {
        super(() -> PostgresPorts.emptied(db, schema, clock), p -> db.salesSwitch());
    }
}
