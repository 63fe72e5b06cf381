package dev.vpnbot.adapter.postgres.contract;

import dev.vpnbot.adapter.postgres.PostgresPersistence;
import dev.vpnbot.adapter.postgres.testing.PostgresTest;
import dev.vpnbot.adapter.postgres.testing.TestSchema;
import dev.vpnbot.application.contract.persistence.AbstractGiftsContractTest;
import dev.vpnbot.application.fixtures.MutableClock;

/** The {@code Gifts} contract against PostgreSQL. */
@PostgresTest
class PostgresGiftsContractTest extends AbstractGiftsContractTest {
    PostgresGiftsContractTest(PostgresPersistence db, TestSchema schema, MutableClock clock) {
        super(() -> PostgresPorts.emptied(db, schema, clock), ports -> db.gifts());
    }
}
