package dev.vpnbot.adapter.postgres.contract;

import dev.vpnbot.adapter.postgres.PostgresPersistence;
import dev.vpnbot.adapter.postgres.testing.PostgresTest;
import dev.vpnbot.adapter.postgres.testing.TestSchema;
import dev.vpnbot.application.contract.persistence.AbstractBalancesContractTest;
import dev.vpnbot.application.fixtures.MutableClock;

/** The balance stores' contract against PostgreSQL. */
@PostgresTest
class PostgresBalancesContractTest extends AbstractBalancesContractTest {
    PostgresBalancesContractTest(PostgresPersistence db, TestSchema schema, MutableClock clock) {
        super(() -> PostgresPorts.emptied(db, schema, clock),
                p -> new BalanceStores(db.balances(), db.topUps(), db.autoRenewals()));
    }
}
