package dev.vpnbot.adapter.postgres.contract;

import dev.vpnbot.adapter.postgres.PostgresPersistence;
import dev.vpnbot.adapter.postgres.testing.PostgresTest;
import dev.vpnbot.adapter.postgres.testing.TestSchema;
import dev.vpnbot.application.contract.persistence.AbstractVpnAppsContractTest;
import dev.vpnbot.application.fixtures.InMemoryVpnApps;
import dev.vpnbot.application.fixtures.MutableClock;
import dev.vpnbot.domain.app.VpnApp;

/**
 * The app list contract against PostgreSQL. The list starts as migration V18 seeded it (this
 * class's schema is fresh), which {@link #rule_the_migration_seeds_todays_app_list} checks before
 * the contract's tests put it back between them.
 */
@PostgresTest
class PostgresVpnAppsContractTest extends AbstractVpnAppsContractTest {
    PostgresVpnAppsContractTest(PostgresPersistence db, TestSchema schema, MutableClock clock) {
        super(() -> PostgresPorts.emptied(db, schema, clock), p -> {
            schema.execute("DELETE FROM vpn_apps");
            for (VpnApp app : InMemoryVpnApps.SEED) db.vpnApps().save(app);
            return db.vpnApps();
        });
    }

    @org.junit.jupiter.api.Test
    void rule_the_migration_seeds_todays_app_list() {
        dev.vpnbot.adapter.postgres.testing.TestSchema fresh = dev.vpnbot.adapter.postgres.testing.TestDatabase.get().newSchema();
        try (PostgresPersistence migrated = PostgresPersistence.open(fresh.settings(), dev.vpnbot.adapter.postgres.testing.TestDatabase.SECRET_KEY)) {
            org.assertj.core.api.Assertions.assertThat(migrated.vpnApps().all()).containsExactlyElementsOf(InMemoryVpnApps.SEED);
        } finally {
            fresh.drop();
        }
    }
}
