package dev.vpnbot.adapter.postgres.contract;

import dev.vpnbot.adapter.postgres.PostgresPersistence;
import dev.vpnbot.adapter.postgres.testing.PostgresTest;
import dev.vpnbot.adapter.postgres.testing.TestSchema;
import dev.vpnbot.application.contract.persistence.AbstractMonthlyResetsContractTest;
import dev.vpnbot.application.fixtures.MutableClock;

/** The {@code MonthlyResets} contract against PostgreSQL. */
@PostgresTest
class PostgresMonthlyResetsContractTest extends AbstractMonthlyResetsContractTest {
    PostgresMonthlyResetsContractTest(PostgresPersistence db, TestSchema schema, MutableClock clock) {
        super(() -> PostgresPorts.emptied(db, schema, clock), ports -> db.tariffLimits(), (ports, book) -> db.monthlyResets());
    }
}
