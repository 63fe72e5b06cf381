package dev.vpnbot.adapter.postgres.contract;

import dev.vpnbot.adapter.postgres.PostgresPersistence;
import dev.vpnbot.adapter.postgres.testing.PostgresTest;
import dev.vpnbot.adapter.postgres.testing.TestSchema;
import dev.vpnbot.application.contract.persistence.AbstractNewKeysContractTest;
import dev.vpnbot.application.fixtures.MutableClock;

/** The {@code NewKeys} contract against PostgreSQL. */
@PostgresTest
class PostgresNewKeysContractTest extends AbstractNewKeysContractTest {
    PostgresNewKeysContractTest(PostgresPersistence db, TestSchema schema, MutableClock clock) {
        super(() -> PostgresPorts.emptied(db, schema, clock), ports -> db.newKeys());
    }
}
