package dev.vpnbot.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnbot.adapter.postgres.testing.TestDatabase;
import dev.vpnbot.adapter.postgres.testing.TestSchema;
import dev.vpnbot.domain.money.Money;
import dev.vpnbot.domain.tariff.Tariff;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The migrations: they build the schema from nothing and from every earlier version. */
@Tag("postgres")
class MigrationsTest {

    @Test
    void migrations_apply_on_an_empty_schema_and_seed_eight_default_tariffs() {
        TestSchema schema = TestDatabase.get().newSchema();
        try {
            MigrationReport report = PostgresPersistence.migrate(schema.settings());
            assertThat(report.fromVersion()).isNull();
            assertThat(report.applied()).isEqualTo(allMigrations().size());
            assertThat(report.toVersion()).isEqualTo(latestVersion());

            try (PostgresPersistence db = PostgresPersistence.connect(schema.settings(), TestDatabase.SECRET_KEY, Clock.systemUTC())) {
                List<Tariff> tariffs = db.tariffs().all();
                assertThat(tariffs).hasSize(8);
                assertThat(tariffs).filteredOn(Tariff::active)
                        .extracting(Tariff::days, Tariff::price)
                        .containsExactly(
                                org.assertj.core.groups.Tuple.tuple(30, Money.of("5.00", "USD")),
                                org.assertj.core.groups.Tuple.tuple(90, Money.of("13.50", "USD")),
                                org.assertj.core.groups.Tuple.tuple(180, Money.of("24.00", "USD")),
                                org.assertj.core.groups.Tuple.tuple(360, Money.of("42.00", "USD")));
                assertThat(tariffs).allSatisfy(t -> assertThat(t.days() % 30 == 0 || t.days() < 30).isTrue());
                // longer tariffs cost less per month
                List<Tariff> activeUsd = tariffs.stream().filter(Tariff::active).toList();
                for (int i = 1; i < activeUsd.size(); i++) {
                    assertThat(perMonth(activeUsd.get(i))).isLessThan(perMonth(activeUsd.get(i - 1)));
                }
                // a new tariff gets an id after the seeded ones
                assertThat(db.tariffs().nextId().value()).isGreaterThan(8);
            }
        } finally {
            schema.drop();
        }
    }

    @Test
    void migrating_a_current_schema_again_changes_nothing() {
        TestSchema schema = TestDatabase.get().newSchema();
        try {
            PostgresPersistence.migrate(schema.settings());
            MigrationReport again = PostgresPersistence.migrate(schema.settings());
            assertThat(again.applied()).isZero();
            assertThat(again.toString()).contains("is current at version " + latestVersion());
        } finally {
            schema.drop();
        }
    }

    static Stream<String> earlierVersions() {
        List<String> versions = allMigrations().stream().map(m -> m.getVersion().getVersion()).toList();
        return versions.subList(0, versions.size() - 1).stream();
    }

    @ParameterizedTest(name = "from version {0}")
    @MethodSource("earlierVersions")
    void migrations_apply_on_a_schema_left_at_an_earlier_version_and_keep_its_rows(String version) {
        TestSchema schema = TestDatabase.get().newSchema();
        try {
            flyway(schema).target(version).load().migrate();
            schema.execute("INSERT INTO users (id, first_name, language, registered_at) VALUES (77, 'Old', 'RU', '2025-12-31T23:00:00Z')");

            MigrationReport report = PostgresPersistence.migrate(schema.settings());

            assertThat(report.fromVersion()).isEqualTo(version);
            assertThat(report.toVersion()).isEqualTo(latestVersion());
            assertThat(schema.queryString("SELECT first_name FROM users WHERE id = 77")).isEqualTo("Old");
            assertThat(schema.queryLong("SELECT count(*) FROM tariffs")).isEqualTo(8);
        } finally {
            schema.drop();
        }
    }

    @Test
    void every_instant_is_stored_as_timestamptz_and_only_flyways_own_history_uses_a_plain_timestamp() {
        TestSchema schema = TestDatabase.get().newSchema();
        try {
            PostgresPersistence.migrate(schema.settings());
            long plainTimestamps = schema.queryLong("""
                    SELECT count(*) FROM information_schema.columns
                     WHERE table_schema = current_schema() AND data_type LIKE 'timestamp%'
                       AND data_type <> 'timestamp with time zone'
                       AND table_name <> 'flyway_schema_history'""");
            String instants = schema.queryString("""
                    SELECT string_agg(table_name || '.' || column_name, ' ' ORDER BY table_name, column_name)
                      FROM information_schema.columns
                     WHERE table_schema = current_schema() AND data_type = 'timestamp with time zone'""");
            assertThat(plainTimestamps).isZero();
            assertThat(instants.split(" ")).containsExactlyInAnyOrder(
                    "users.registered_at", "servers.created_at", "servers.retired_at", "broadcasts.created_at", "vpn_keys.expires_at", "vpn_keys.created_at",
                    "orders.payment_deadline", "orders.created_at", "orders.paid_at", "orders.fulfilled_at",
                    "orders.granted_until", "payment_events.received_at", "fulfilment_jobs.next_attempt_at",
                    "fulfilment_jobs.created_at", "conversation_states.updated_at", "sent_notifications.sent_at",
                    "order_notices.next_attempt_at", "order_notices.created_at", "order_notices.sent_at", "order_notices.given_up_at",
                    "enrollment_tokens.issued_at", "enrollment_tokens.expires_at", "enrollment_tokens.used_at",
                    "node_enrollments.submitted_at", "node_enrollments.taken_at", "node_enrollments.finished_at",
                    "star_payments.received_at", "star_payments.refunded_at",
                    "sales_pause.paused_at", "ban_disabled_keys.disabled_at",
                    "promo_codes.expires_at", "promo_codes.created_at", "promo_redemptions.redeemed_at", "promo_remembered.remembered_at",
                    "gifts.valid_until", "gifts.created_at", "gifts.taken_at",
                    "key_link_resets.requested_at",
                    "key_placements.next_attempt_at", "key_placements.created_at",
                    "balance_entries.created_at", "top_ups.created_at", "top_ups.credited_at", "auto_renew.enabled_at",
                    "auto_renewals.expires_at", "auto_renewals.renewed_at",
                    "trials.started_at", "referral_codes.created_at", "referrals.invited_at", "referrals.rewarded_at", "referrals.reversed_at",
                    "key_traffic_packs.granted_at",
                    "key_moves.requested_at", "key_moves.delete_after", "key_moves.next_attempt_at", "key_moves.finished_at",
                    "evacuations.requested_at", "evacuations.finished_at");
        } finally {
            schema.drop();
        }
    }

    private static double perMonth(Tariff tariff) {
        return tariff.price().amount().doubleValue() / tariff.days() * 30;
    }

    private static org.flywaydb.core.api.configuration.FluentConfiguration flyway(TestSchema schema) {
        return Flyway.configure()
                .dataSource(schema.settings().jdbcUrl(), schema.settings().user(), schema.settings().password())
                .schemas(schema.name())
                .locations("classpath:db/migration");
    }

    static List<MigrationInfo> allMigrations() {
        // the files on the classpath, as Flyway sees them, against a database that has none applied
        TestSchema probe = TestDatabase.get().newSchema();
        try {
            return List.of(flyway(probe).load().info().pending());
        } finally {
            probe.drop();
        }
    }

    private static String latestVersion() {
        List<MigrationInfo> all = allMigrations();
        return all.get(all.size() - 1).getVersion().getVersion();
    }
}
