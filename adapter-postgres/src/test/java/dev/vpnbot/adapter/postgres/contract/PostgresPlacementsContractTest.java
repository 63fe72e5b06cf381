package dev.vpnbot.adapter.postgres.contract;

import dev.vpnbot.adapter.postgres.PostgresPersistence;
import dev.vpnbot.adapter.postgres.testing.PostgresTest;
import dev.vpnbot.adapter.postgres.testing.TestSchema;
import dev.vpnbot.application.contract.persistence.AbstractPlacementsContractTest;
import dev.vpnbot.application.fixtures.MutableClock;

/** The {@code Placements} and {@code ServerGroups} contracts against PostgreSQL. */
@PostgresTest
class PostgresPlacementsContractTest extends AbstractPlacementsContractTest {
    PostgresPlacementsContractTest(PostgresPersistence db, TestSchema schema, MutableClock clock) {
        super(() -> PostgresPorts.emptied(db, schema, clock), ports -> db.placements(), ports -> db.serverGroups());
    }
}
