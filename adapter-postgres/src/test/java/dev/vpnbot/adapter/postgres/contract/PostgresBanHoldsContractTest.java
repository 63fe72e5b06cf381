package dev.vpnbot.adapter.postgres.contract;

import dev.vpnbot.adapter.postgres.PostgresPersistence;
import dev.vpnbot.adapter.postgres.testing.PostgresTest;
import dev.vpnbot.adapter.postgres.testing.TestSchema;
import dev.vpnbot.application.contract.persistence.AbstractBanHoldsContractTest;
import dev.vpnbot.application.fixtures.MutableClock;

/** The ban holds contract against PostgreSQL. */
@PostgresTest
class PostgresBanHoldsContractTest extends AbstractBanHoldsContractTest {
    PostgresBanHoldsContractTest(PostgresPersistence db, TestSchema schema, MutableClock clock) {
        super(() -> PostgresPorts.emptied(db, schema, clock), p -> db.banHolds());
    }
}
