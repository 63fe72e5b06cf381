package dev.vpnbot.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vpnbot.adapter.postgres.testing.PostgresTest;
import dev.vpnbot.adapter.postgres.testing.TestDatabase;
import dev.vpnbot.adapter.postgres.testing.TestSchema;
import dev.vpnbot.application.fixtures.MutableClock;
import dev.vpnbot.application.port.out.payment.PaymentEvent;
import dev.vpnbot.application.model.payment.PaymentStatus;
import dev.vpnbot.domain.fixtures.ServerMother;
import dev.vpnbot.domain.fixtures.UserMother;
import dev.vpnbot.domain.key.KeyId;
import dev.vpnbot.domain.key.PanelClientId;
import dev.vpnbot.domain.key.VpnKey;
import dev.vpnbot.domain.money.Money;
import dev.vpnbot.domain.order.Order;
import dev.vpnbot.domain.order.OrderId;
import dev.vpnbot.domain.order.OrderPurpose;
import dev.vpnbot.domain.order.PublicOrderId;
import dev.vpnbot.domain.server.Server;
import dev.vpnbot.domain.tariff.Tariff;
import dev.vpnbot.domain.user.User;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Least privilege: the owner migrates, the bot runs as a role that can read and write rows and
 * draw ids, and nothing else: no CREATE, ALTER, DROP or TRUNCATE, no writing the migration history.
 */
@PostgresTest
class RuntimeRoleTest {
    private static String role;
    private static String password;

    @BeforeAll
    static void createRuntimeRole(PostgresPersistence owner, TestSchema schema) {
        byte[] random = new byte[6];
        new SecureRandom().nextBytes(random);
        role = "vpnbot_rt_" + HexFormat.of().formatHex(random);
        password = HexFormat.of().formatHex(random) + "Pw";
        schema.database().execute("CREATE ROLE " + role + " LOGIN PASSWORD '" + password + "'");
        owner.grantRuntimeRole(role);
    }

    @AfterAll
    static void dropRuntimeRole(TestSchema schema) {
        schema.database().execute("DROP OWNED BY " + role);
        schema.database().execute("DROP ROLE " + role);
    }

    private static PostgresPersistence asRuntimeRole(TestSchema schema, MutableClock clock) {
        return PostgresPersistence.connect(schema.settings().withLogin(role, password), TestDatabase.SECRET_KEY, clock);
    }

    @Test
    void the_runtime_role_does_everything_the_bot_does_through_every_repository(TestSchema schema, MutableClock clock) {
        try (PostgresPersistence bot = asRuntimeRole(schema, clock)) {
            bot.transactions().run(() -> {
                User user = UserMother.russian(77);
                bot.users().save(user);
                Tariff tariff = new Tariff(bot.tariffs().nextId(), 30, Money.of("5.00", "USD"), true, 1);
                bot.tariffs().save(tariff);
                bot.tariffs().delete(tariff.id());
                Server server = ServerMother.server(bot.servers().nextId().value(), "Frankfurt");
                bot.servers().save(server);
                KeyId keyId = bot.keys().nextId();
                VpnKey key = VpnKey.reserve(keyId, user.id(), server.id(),
                        new PanelClientId(UUID.randomUUID(), "vpnbot-k" + keyId + "-u77", "k" + keyId + "rt"), Duration.ofDays(30), clock.instant());
                bot.keys().save(key);
                OrderId orderId = bot.orders().nextId();
                Order order = Order.place(orderId, PublicOrderId.of(orderId, "rtnonce"), user.id(), tariff.snapshot(),
                        new OrderPurpose.NewKey(server.id()), clock.instant(), Duration.ofHours(1));
                bot.orders().save(order);
                bot.orders().findForUpdate(orderId).orElseThrow();
                bot.keys().findForUpdate(keyId).orElseThrow();
                assertThat(bot.paymentEvents().record(new PaymentEvent("inv-rt", order.publicId().value(), "paid",
                        PaymentStatus.PAID, "{}", clock.instant()))).isTrue();
                bot.fulfilmentJobs().enqueue(orderId, clock.instant());
                assertThat(bot.fulfilmentJobs().claimDue(clock.instant(), 5, Duration.ofMinutes(1))).hasSize(1);
                bot.fulfilmentJobs().retryLater(orderId, 1, clock.instant(), "panel down");
                bot.fulfilmentJobs().complete(orderId);
                bot.conversationStates().save(77, "buy");
                bot.conversationStates().clear(77);
                assertThat(bot.sentNotifications().claim("reminder-3d", "key:" + keyId)).isTrue();
                assertThat(bot.keys().expiringWithoutReminder(clock.instant(), clock.instant().plus(Duration.ofDays(40)), "x", 5)).isEmpty();
                assertThat(bot.servers().all()).hasSize(1);
            });
            bot.ping();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "CREATE TABLE intruder (id int)",
            "CREATE VIEW intruder AS SELECT 1",
            "CREATE SEQUENCE intruder",
            "CREATE INDEX intruder ON users (first_name)",
            "CREATE FUNCTION intruder() RETURNS int LANGUAGE sql AS 'SELECT 1'",
            "CREATE SCHEMA intruder",
            "ALTER TABLE users ADD COLUMN intruder int",
            "ALTER TABLE orders DROP CONSTRAINT orders_public_id_key",
            "ALTER TABLE vpn_keys ALTER COLUMN expires_at TYPE timestamp",
            "ALTER SEQUENCE order_ids RESTART WITH 1",
            "DROP TABLE payment_events",
            "DROP INDEX vpn_keys_sub_id_key",
            "DROP SEQUENCE key_ids",
            "TRUNCATE orders",
            "INSERT INTO flyway_schema_history (installed_rank, description, type, script, installed_by, execution_time, success)"
                    + " VALUES (99, 'forged', 'SQL', 'V99__forged.sql', 'me', 0, true)",
            "DELETE FROM flyway_schema_history",
            "UPDATE flyway_schema_history SET checksum = 0"})
    void the_runtime_role_cannot_change_the_schema(String statement, TestSchema schema) throws SQLException {
        try (Connection bot = DriverManager.getConnection(schema.settings().jdbcUrl(), role, password);
             Statement s = bot.createStatement()) {
            bot.setSchema(schema.name());
            assertThatThrownBy(() -> s.execute(statement))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState())
                            .as("%s: %s", statement, e.getMessage())
                            .isEqualTo("42501")); // insufficient_privilege
        }
        assertThat(schema.queryLong("SELECT count(*) FROM flyway_schema_history WHERE script = 'V99__forged.sql'")).isZero();
    }

    @Test
    void a_table_that_a_later_migration_adds_is_open_to_the_runtime_role_for_rows_only(TestSchema schema) throws SQLException {
        // the owner creates it, as the next migration would; default privileges grant the rows
        try (Connection owner = schema.connect(); Statement s = owner.createStatement()) {
            s.execute("CREATE TABLE later_table (id int PRIMARY KEY)");
        }
        try (Connection bot = DriverManager.getConnection(schema.settings().jdbcUrl(), role, password);
             Statement s = bot.createStatement()) {
            bot.setSchema(schema.name());
            s.execute("INSERT INTO later_table VALUES (1)");
            s.execute("UPDATE later_table SET id = 2");
            s.execute("DELETE FROM later_table");
            assertThatThrownBy(() -> s.execute("DROP TABLE later_table"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
        } finally {
            schema.execute("DROP TABLE later_table");
        }
    }

    @Test
    void the_documented_set_up_works_with_an_owner_that_is_not_a_superuser(TestSchema schema, MutableClock clock) throws SQLException {
        // docs/DATABASE.md: an owner role that may create schemas in the database, and a runtime role
        String suffix = role.substring("vpnbot_rt_".length());
        String ownerRole = "vpnbot_own_" + suffix;
        String appRole = "vpnbot_app_" + suffix;
        String ownSchema = "vpnbot_doc_" + suffix;
        TestDatabase admin = schema.database();
        admin.execute("CREATE ROLE " + ownerRole + " LOGIN PASSWORD 'owner-pw'");
        admin.execute("CREATE ROLE " + appRole + " LOGIN PASSWORD 'app-pw'");
        admin.execute("GRANT CREATE ON DATABASE \"" + schema.settings().database() + "\" TO " + ownerRole);
        try {
            var ownerSettings = schema.settings().withSchema(ownSchema).withLogin(ownerRole, "owner-pw");
            assertThat(PostgresPersistence.migrate(ownerSettings).applied()).isEqualTo(5); // V1–V4, V8
            try (PostgresPersistence owner = PostgresPersistence.connect(ownerSettings, TestDatabase.SECRET_KEY, clock)) {
                owner.grantRuntimeRole(appRole);
            }
            try (PostgresPersistence bot = PostgresPersistence.connect(ownerSettings.withLogin(appRole, "app-pw"), TestDatabase.SECRET_KEY, clock)) {
                bot.users().save(UserMother.russian(5));
                assertThat(bot.tariffs().all()).hasSize(8);
            }
            try (Connection bot = DriverManager.getConnection(schema.settings().jdbcUrl(), appRole, "app-pw");
                 Statement s = bot.createStatement()) {
                bot.setSchema(ownSchema);
                assertThatThrownBy(() -> s.execute("DROP TABLE users"))
                        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
            }
        } finally {
            admin.execute("DROP SCHEMA IF EXISTS " + ownSchema + " CASCADE");
            admin.execute("REVOKE CREATE ON DATABASE \"" + schema.settings().database() + "\" FROM " + ownerRole);
            admin.execute("DROP OWNED BY " + ownerRole + ", " + appRole);
            admin.execute("DROP ROLE " + ownerRole + ", " + appRole);
        }
    }

    @Test
    void granting_again_is_harmless_and_a_role_name_that_is_not_a_plain_identifier_is_refused(PostgresPersistence owner) {
        owner.grantRuntimeRole(role);

        assertThatThrownBy(() -> owner.grantRuntimeRole("bot; DROP TABLE users"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("role must match");
        assertThatThrownBy(() -> owner.grantRuntimeRole("\"Bot\""))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void serving_without_migrating_is_refused_on_a_schema_that_lacks_migrations(TestSchema schema, MutableClock clock) {
        TestSchema empty = schema.database().newSchema();
        try {
            empty.database().execute("CREATE SCHEMA " + empty.name());
            assertThatThrownBy(() -> PostgresPersistence.connect(empty.settings(), TestDatabase.SECRET_KEY, clock))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("run the migrate command with the owner's login");
        } finally {
            empty.drop();
        }
    }
}
