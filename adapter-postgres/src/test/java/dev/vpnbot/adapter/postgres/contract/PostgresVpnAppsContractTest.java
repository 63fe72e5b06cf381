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
        this.db = db;
        this.schema = schema;
    }

    private final PostgresPersistence db;
    private final TestSchema schema;

    @org.junit.jupiter.api.Test
    void a_row_written_around_the_rules_is_refused_by_the_database_or_left_out_of_the_list() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> schema.execute(
                "INSERT INTO vpn_apps (platform, code, name, store_url, import_template, position) "
                        + "VALUES ('LINUX', 'evil', 'Evil', 'https://evil.example', 'javascript:alert(1)//{url}', 9)"))
                .hasMessageContaining("vpn_apps_import_template_check");
        schema.execute("INSERT INTO vpn_apps (platform, code, name, store_url, import_template, position) "
                + "VALUES ('LINUX', 'sneaky', 'Sneaky', 'https://evil.example', 'ftp://evil.example/{url}', 9)");

        org.assertj.core.api.Assertions.assertThat(db.vpnApps().all()).containsExactlyElementsOf(InMemoryVpnApps.SEED);
        org.assertj.core.api.Assertions.assertThat(db.vpnApps().find(dev.vpnbot.domain.app.AppPlatform.LINUX, "sneaky")).isEmpty();
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
